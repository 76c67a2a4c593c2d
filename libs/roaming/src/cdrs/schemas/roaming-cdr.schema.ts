import { TenantDocument } from '@csms/database';
import { OcpiCdrPricing, Tariff } from '@csms/pricing';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { RoamingSession } from '../../sessions/roaming-session';

/** A CDR we (the CPO) issued for a roaming session; `_id` is the session's (our transaction's) id. */
@Schema({ collection: 'roaming_cdrs', minimize: false })
export class RoamingCdrDocument extends TenantDocument {
  @Prop({ required: true })
  partnerId: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  session: RoamingSession;

  @Prop({ type: MongooseSchema.Types.Mixed })
  tariff?: Tariff;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  pricing: OcpiCdrPricing;

  @Prop({ required: true })
  lastUpdated: Date;
}

export const RoamingCdrSchema = SchemaFactory.createForClass(RoamingCdrDocument);
RoamingCdrSchema.index({ tenantId: 1, partnerId: 1, lastUpdated: 1 });
