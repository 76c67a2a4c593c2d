import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A provider event handled (its _id is `<tenant>:<event id>`): a redelivery is recognised and skipped. */
@Schema({ collection: 'billing_webhook_events', timestamps: { createdAt: true, updatedAt: false } })
export class WebhookEventDocument extends TenantDocument {
  @Prop({ required: true })
  type: string;
}

export const WebhookEventSchema = SchemaFactory.createForClass(WebhookEventDocument);
