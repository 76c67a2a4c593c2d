import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';

/**
 * A 2.0.1-only message a station sent (security event, NotifyEvent, charging needs, charging
 * schedule or profiles report, reservation update, certificate signing request…), kept as sent.
 */
@Schema({
  collection: 'ocpp201_station_notifications',
  timestamps: { createdAt: 'receivedAt', updatedAt: false },
})
export class StationNotificationDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  chargingStationId: string;

  /** The OCPP action, e.g. SecurityEventNotification. */
  @Prop({ type: String, required: true })
  action: string;

  @Prop({ type: SchemaTypes.Mixed, required: true })
  payload: Record<string, unknown>;

  receivedAt?: Date;
}

export const StationNotificationSchema = SchemaFactory.createForClass(StationNotificationDocument);
StationNotificationSchema.index({ tenantId: 1, chargingStationId: 1, action: 1, receivedAt: -1 });
