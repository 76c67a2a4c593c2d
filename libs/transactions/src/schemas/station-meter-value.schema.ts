import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Meter values outside a (known) transaction, kept per station as they came. */
@Schema({ collection: 'station_meter_values', versionKey: false })
export class StationMeterValueDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  chargingStationId: string;

  @Prop({ required: true })
  connectorId: number;

  /** Set when the station named a transaction the server does not know. */
  @Prop()
  ocppTransactionId?: string;

  @Prop({ required: true })
  timestamp: Date;

  /** The raw samples as JSON text, like a session's consumptions keep them. */
  @Prop({ type: String, required: true })
  sampledValuesJson: string;
}

export const StationMeterValueSchema = SchemaFactory.createForClass(StationMeterValueDocument);
StationMeterValueSchema.index({ tenantId: 1, chargingStationId: 1, timestamp: -1 });
