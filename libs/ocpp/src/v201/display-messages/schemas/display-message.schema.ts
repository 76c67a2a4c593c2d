import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A message on a 2.0.1 station's display: set by an operator, or reported by the station. */
@Schema({ collection: 'ocpp201_display_messages', timestamps: { createdAt: false, updatedAt: true } })
export class DisplayMessageDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  chargingStationId: string;

  /** The station's message id. */
  @Prop({ type: Number, required: true })
  messageId: number;

  @Prop({ type: String, required: true })
  priority: string;

  @Prop({ type: String })
  state?: string;

  @Prop()
  startDateTime?: Date;

  @Prop()
  endDateTime?: Date;

  @Prop({ type: String })
  transactionId?: string;

  @Prop({ type: String, required: true })
  format: string;

  @Prop({ type: String })
  language?: string;

  @Prop({ type: String, required: true })
  content: string;

  /** "Set" by us (the station accepted it) or "Reported" by the station (NotifyDisplayMessages). */
  @Prop({ type: String, required: true })
  source: string;

  updatedAt?: Date;
}

export const DisplayMessageSchema = SchemaFactory.createForClass(DisplayMessageDocument);
DisplayMessageSchema.index({ tenantId: 1, chargingStationId: 1, messageId: 1 }, { unique: true });
