import { ChargePointSpec, StationCapabilitySet } from '@csms/stations';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

export interface StoredTemplateConnector {
  connectorId: number;
  type: string;
  powerWatts: number;
  amperage?: number;
  numberOfPhases?: number;
  currentType: string;
  chargePointId?: number;
}

export interface StoredTechnicalData {
  maximumPowerWatts: number;
  voltage?: number;
  chargePoints: ChargePointSpec[];
  connectors: StoredTemplateConnector[];
}

export interface StoredParameterBlock {
  firmwareVersionPattern?: string;
  ocppVersions: string[];
  parameters: { key: string; value: string }[];
}

/**
 * Station templates are global, not per tenant: they describe hardware (vendor, model, firmware),
 * which is the same whoever operates it, and the platform's super admins curate them once for all.
 */
@Schema({ collection: 'station_templates', timestamps: true, minimize: false })
export class StationTemplateDocument {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  name: string;

  @Prop()
  description?: string;

  @Prop()
  vendorPattern?: string;

  @Prop()
  modelPattern?: string;

  @Prop()
  serialNumberPattern?: string;

  @Prop()
  firmwareVersionPattern?: string;

  @Prop({ type: [String], default: [] })
  ocppVersions: string[];

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  technical: StoredTechnicalData;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  capabilities: StationCapabilitySet;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  parameterBlocks: StoredParameterBlock[];

  @Prop()
  staticPowerLimitationKey?: string;

  @Prop({ default: false })
  builtIn: boolean;

  createdAt?: Date;
  updatedAt?: Date;
}

export const StationTemplateSchema = SchemaFactory.createForClass(StationTemplateDocument);
StationTemplateSchema.index({ name: 1, _id: 1 });
