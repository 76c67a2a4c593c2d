import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The last integer transaction id given out in a tenant (OCPP 1.x ids are server-assigned integers). */
@Schema({ collection: 'transaction_counters', versionKey: false })
export class TransactionCounterDocument extends TenantDocument {
  @Prop({ default: 0 })
  seq: number;
}

export const TransactionCounterSchema = SchemaFactory.createForClass(TransactionCounterDocument);
