import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { PlannedLine } from '../invoice-lines';
import { SessionBillingStatus } from '../session-billing';

/** One per billed session (its _id is the transaction id): the progress of its billing, step by step. */
@Schema({ collection: 'billing_sessions', timestamps: true })
export class SessionBillingDocument extends TenantDocument {
  @Prop({ required: true })
  userId: string;

  @Prop()
  chargingStationId?: string;

  @Prop({ type: String, required: true })
  status: SessionBillingStatus;

  @Prop()
  reason?: string;

  @Prop()
  currency?: string;

  @Prop()
  stoppedAt?: Date;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  lines: PlannedLine[];

  /** The provider's invoice item of each line, by dimension, once created. */
  @Prop({ type: MongooseSchema.Types.Mixed })
  itemIds?: Record<string, string>;

  @Prop()
  invoiceId?: string;

  updatedAt?: Date;
}

export const SessionBillingSchema = SchemaFactory.createForClass(SessionBillingDocument);
// A monthly invoice gathers a user's pending sessions.
SessionBillingSchema.index({ tenantId: 1, userId: 1, status: 1, _id: 1 }, { unique: true });
