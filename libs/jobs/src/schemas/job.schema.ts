import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { JobStatus } from '../job';

/** A job waiting to run (or given up on): stored before it is attempted, so that a restart loses nothing. */
@Schema({ collection: 'jobs', timestamps: { createdAt: true, updatedAt: false }, minimize: false })
export class JobDocument extends TenantDocument {
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

  @Prop()
  lastAttemptAt?: Date;

  @Prop()
  lastError?: string;

  @Prop()
  failedAt?: Date;

  createdAt: Date;
}

export const JobSchema = SchemaFactory.createForClass(JobDocument);
// Unique (with _id) so that FerretDB builds them: a queue's due jobs; a tenant's jobs of a queue.
JobSchema.index({ queue: 1, status: 1, runAt: 1, _id: 1 }, { unique: true });
JobSchema.index({ tenantId: 1, queue: 1, status: 1, _id: 1 }, { unique: true });
