import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { RefundEntry, RefundStatus } from '../refund-report';

/** One expense report asked for by a user, and its way through Concur. */
@Schema({ collection: 'refund_reports', timestamps: true })
export class RefundReportDocument extends TenantDocument {
  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  name: string;

  @Prop({ type: String, required: true })
  status: RefundStatus;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  entries: RefundEntry[];

  @Prop()
  concurReportId?: string;

  /** Concur's entry ids by entry index, each stored as soon as it is created. */
  @Prop({ type: MongooseSchema.Types.Mixed })
  concurEntryIds?: Record<string, string>;

  @Prop()
  concurStatus?: string;

  @Prop()
  reason?: string;

  @Prop()
  submittedAt?: Date;

  @Prop()
  decidedAt?: Date;

  createdAt: Date;
}

export const RefundReportSchema = SchemaFactory.createForClass(RefundReportDocument);
// A user's reports, newest first.
RefundReportSchema.index({ tenantId: 1, userId: 1, createdAt: -1, _id: -1 });
