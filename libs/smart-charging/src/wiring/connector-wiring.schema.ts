import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** How one connector is wired and ranked for smart charging. */
@Schema({ collection: 'smart_charging_connectors', timestamps: true })
export class ConnectorWiringDocument extends TenantDocument {
  @Prop({ required: true })
  stationId: string;

  @Prop({ required: true })
  connectorId: number;

  @Prop({ default: 'RST' })
  phaseRotation: string;

  /** The station can move a single-phase car to another phase (OCPP 2.0.1 ACPhaseSwitchingSupported). */
  @Prop({ default: false })
  phaseSwitching: boolean;

  @Prop({ default: 1 })
  priority: number;
}

export const ConnectorWiringSchema = SchemaFactory.createForClass(ConnectorWiringDocument);
ConnectorWiringSchema.index({ tenantId: 1, stationId: 1, connectorId: 1 }, { unique: true });
