import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { RefundStatus } from '../refund-report';

/**
 * A session's claim by a refund report: its _id is `tenantId|transactionId`, so the unique _id is
 * what keeps a session in one live report at a time (FerretDB's one atomic guarantee).
 */
@Schema({ collection: 'refunded_sessions', timestamps: true })
export class RefundedSessionDocument extends TenantDocument {
  @Prop({ required: true })
  transactionId: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  reportId: string;

  @Prop({ type: String, required: true })
  status: RefundStatus;
}

export const RefundedSessionSchema = SchemaFactory.createForClass(RefundedSessionDocument);
RefundedSessionSchema.index({ tenantId: 1, reportId: 1 });
// Transaction.refund on a page of sessions.
RefundedSessionSchema.index({ tenantId: 1, transactionId: 1 });
