import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { TenantDocument } from '../../tenant-document';
import { JobStatus } from '../job';

/** A job waiting to run, or given up on; stored before it is attempted, deleted once done. */
@Schema({ collection: 'queued_jobs', timestamps: { createdAt: true, updatedAt: false }, minimize: false })
export class QueuedJobDocument extends TenantDocument {
  @Prop({ required: true })
  queue: string;

  @Prop()
  key?: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  payload: unknown;

  @Prop({ type: String, required: true })
  status: JobStatus;

  @Prop({ default: 0 })
  attempts: number;

  @Prop({ required: true })
  runAt: Date;

  /** Enqueued again (by key) while it ran: run once more instead of being deleted. */
  @Prop()
  rerun?: boolean;

  @Prop()
  lastError?: string;

  @Prop()
  failedAt?: Date;

  createdAt: Date;
}

export const QueuedJobSchema = SchemaFactory.createForClass(QueuedJobDocument);
// Unique (with _id) so that FerretDB builds them too: a queue's due jobs; a tenant's jobs of a queue.
QueuedJobSchema.index({ queue: 1, status: 1, runAt: 1, _id: 1 }, { unique: true });
QueuedJobSchema.index({ tenantId: 1, queue: 1, status: 1, _id: 1 }, { unique: true });
