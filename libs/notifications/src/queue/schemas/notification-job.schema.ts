import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A message waiting to be sent (or given up on: `failedAt`), so that a restart loses nothing. */
@Schema({ collection: 'notification_jobs', timestamps: true })
export class NotificationJobDocument extends TenantDocument {
  @Prop({ required: true })
  to: string;

  @Prop({ required: true })
  subject: string;

  @Prop({ required: true })
  text: string;

  @Prop({ required: true })
  html: string;

  @Prop({ default: 0 })
  attempts: number;

  @Prop()
  lastError?: string;

  @Prop()
  failedAt?: Date;

  createdAt?: Date;
}

export const NotificationJobSchema = SchemaFactory.createForClass(NotificationJobDocument);
NotificationJobSchema.index({ failedAt: 1, createdAt: 1 });
