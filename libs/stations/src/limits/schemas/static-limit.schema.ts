import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A limit in force on one station (connector 0) or connector; kept apart from the station document. */
@Schema({ collection: 'station_static_limits', timestamps: true })
export class StaticLimitDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  stationId: string;

  @Prop({ type: Number, required: true })
  connectorId: number;

  @Prop({ type: Number, required: true })
  watts: number;

  @Prop({ type: Number })
  amps?: number;

  @Prop({ type: String, required: true })
  unit: string;

  @Prop({ type: String, required: true })
  method: string;

  @Prop({ type: Date, required: true })
  appliedAt: Date;
}

export const StaticLimitSchema = SchemaFactory.createForClass(StaticLimitDocument);
StaticLimitSchema.index({ tenantId: 1, stationId: 1, connectorId: 1 }, { unique: true });
