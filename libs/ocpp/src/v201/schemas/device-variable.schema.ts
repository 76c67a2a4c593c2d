import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export interface DeviceVariableAttribute {
  type?: string;
  value?: string;
  mutability?: string;
  persistent?: boolean;
  constant?: boolean;
}

/**
 * One variable of a 2.0.1 station's device model, as its NotifyReport last described it. The
 * device model is 2.0.1-only, so the edge keeps it rather than the stations domain.
 */
@Schema({ collection: 'ocpp201_device_variables', timestamps: { createdAt: false, updatedAt: true } })
export class DeviceVariableDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  chargingStationId: string;

  /** Component, EVSE and variable in one string: what a report's entry is keyed by. */
  @Prop({ type: String, required: true })
  key: string;

  @Prop({ type: String, required: true })
  component: string;

  @Prop()
  componentInstance?: string;

  @Prop()
  evseId?: number;

  @Prop()
  connectorId?: number;

  @Prop({ type: String, required: true })
  variable: string;

  @Prop()
  variableInstance?: string;

  @Prop({ type: [Object], default: [] })
  attributes: DeviceVariableAttribute[];

  @Prop()
  unit?: string;

  @Prop()
  dataType?: string;

  @Prop()
  valuesList?: string;

  @Prop({ type: Number, required: true })
  reportRequestId: number;

  updatedAt?: Date;
}

export const DeviceVariableSchema = SchemaFactory.createForClass(DeviceVariableDocument);
DeviceVariableSchema.index({ tenantId: 1, chargingStationId: 1, key: 1 }, { unique: true });
