import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { RoamingProtocol } from '../../partners/roaming-partner';
import { OutboxStatus } from '../outbox-message';

/** A push to a partner, stored before it is attempted, so that a restart loses nothing. */
@Schema({ collection: 'roaming_outbox', timestamps: { createdAt: true, updatedAt: false }, minimize: false })
export class OutboxMessageDocument extends TenantDocument {
  @Prop({ required: true })
  partnerId: string;

  @Prop({ type: String, required: true })
  protocol: RoamingProtocol;

  @Prop({ required: true })
  objectKey: string;

  @Prop({ required: true })
  kind: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  payload: unknown;

  @Prop({ type: String, required: true })
  status: OutboxStatus;

  @Prop({ default: 0 })
  attempts: number;

  @Prop({ required: true })
  nextAttemptAt: Date;

  @Prop()
  lastAttemptAt?: Date;

  @Prop()
  finishedAt?: Date;

  @Prop()
  lastError?: string;

  @Prop()
  lastHttpStatus?: number;

  @Prop()
  lastProtocolStatus?: number;

  createdAt: Date;
}

export const OutboxMessageSchema = SchemaFactory.createForClass(OutboxMessageDocument);
OutboxMessageSchema.index({ status: 1, nextAttemptAt: 1 });
OutboxMessageSchema.index({ tenantId: 1, partnerId: 1, objectKey: 1, status: 1 });
OutboxMessageSchema.index({ tenantId: 1, partnerId: 1, status: 1, _id: -1 });
