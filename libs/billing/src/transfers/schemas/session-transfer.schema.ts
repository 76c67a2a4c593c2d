import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SessionTransferStatus } from '../session-transfer';

/** One per paid session of a tenant that uses Connect (its _id is the transaction id). */
@Schema({ collection: 'billing_transfers', timestamps: true })
export class SessionTransferDocument extends TenantDocument {
  @Prop({ required: true })
  invoiceId: string;

  @Prop({ type: String, required: true })
  status: SessionTransferStatus;

  @Prop()
  reason?: string;

  @Prop()
  accountId?: string;

  @Prop()
  currency?: string;

  @Prop()
  collected?: number;

  @Prop()
  platformFee?: number;

  @Prop()
  amount?: number;

  @Prop()
  transferId?: string;

  @Prop({ default: 0 })
  refusals: number;

  createdAt?: Date;
  updatedAt?: Date;
}

export const SessionTransferSchema = SchemaFactory.createForClass(SessionTransferDocument);
// An account's transfers, newest first; the transfers waiting for an account to be onboarded.
SessionTransferSchema.index({ tenantId: 1, accountId: 1, createdAt: -1, _id: -1 }, { unique: true });
SessionTransferSchema.index({ tenantId: 1, createdAt: -1, _id: -1 }, { unique: true });
SessionTransferSchema.index({ tenantId: 1, status: 1, accountId: 1, _id: 1 }, { unique: true });
