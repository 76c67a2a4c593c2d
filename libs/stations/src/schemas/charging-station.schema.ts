import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { RegistrationStatus } from '../models/charging-station.model';
import {
  ChargePointSpec,
  ConnectorSpec,
  StationCapabilitySet,
  TemplateParameterOutcome,
} from './station-technical-data';

/** One connector's last reported state, stored under `connectors.<connectorId>` so one $set updates it. */
export interface ConnectorState {
  connectorId: number;
  status: string;
  errorCode?: string;
  info?: string;
  vendorId?: string;
  vendorErrorCode?: string;
  statusUpdatedAt?: Date;
  maxPowerWatts?: number;
  currentTransactionId?: string;
}

@Schema({ collection: 'charging_stations', timestamps: true, minimize: false })
export class ChargingStationDocument extends TenantDocument {
  /** The OCPP identity (chargeBoxId), unique in its tenant. */
  @Prop({ type: String, required: true })
  stationId: string;

  @Prop({ default: false })
  online: boolean;

  @Prop()
  lastSeen?: Date;

  @Prop()
  ocppVersion?: string;

  @Prop()
  ocppProtocol?: string;

  @Prop()
  endpoint?: string;

  @Prop()
  vendor?: string;

  @Prop()
  model?: string;

  @Prop()
  serialNumber?: string;

  @Prop()
  chargeBoxSerialNumber?: string;

  @Prop()
  firmwareVersion?: string;

  @Prop()
  iccid?: string;

  @Prop()
  imsi?: string;

  @Prop()
  meterType?: string;

  @Prop()
  meterSerialNumber?: string;

  @Prop()
  heartbeatIntervalSeconds?: number;

  @Prop()
  lastBootAt?: Date;

  /** argon2id hash of the HTTP Basic password; never leaves the repository except to verify. */
  @Prop()
  passwordHash?: string;

  /**
   * A new password sent to the station and not yet confirmed (or refused) by it: valid too meanwhile,
   * as the station may reconnect with it before its answer is processed.
   */
  @Prop()
  pendingPasswordHash?: string;

  /** The lowest OCPP security profile the station may connect with (3: client certificate only). */
  @Prop()
  securityProfile?: number;

  /** What its BootNotification is answered: an operator may keep a station Pending or Rejected. */
  @Prop({ type: String })
  registrationStatus?: RegistrationStatus;

  @Prop()
  firmwareStatus?: string;

  @Prop()
  firmwareStatusAt?: Date;

  @Prop()
  diagnosticsStatus?: string;

  @Prop()
  diagnosticsStatusAt?: Date;

  /** Placement (libs/organizations): the site area, and its site so that site roles filter in one query. */
  @Prop()
  siteAreaId?: string;

  @Prop()
  siteId?: string;

  /** Keyed by connector id as a string; "0" is the station itself. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  connectors: Record<string, ConnectorState>;

  // ---- station template (libs/templates) -------------------------------------------------------

  /** Keyed by connector id as a string: type, power, phases from the template. */
  @Prop({ type: MongooseSchema.Types.Mixed })
  connectorSpecs?: Record<string, ConnectorSpec>;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: undefined })
  chargePoints?: ChargePointSpec[];

  @Prop({ type: MongooseSchema.Types.Mixed })
  capabilities?: StationCapabilitySet;

  @Prop()
  maximumPowerWatts?: number;

  @Prop()
  voltage?: number;

  /** Set by an operator: templates leave this station's configuration alone. */
  @Prop()
  manualConfiguration?: boolean;

  @Prop()
  templateId?: string;

  @Prop()
  templateAppliedAt?: Date;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: undefined })
  templateParameters?: TemplateParameterOutcome[];

  @Prop()
  templateResetSent?: boolean;

  createdAt?: Date;
}

export const ChargingStationSchema = SchemaFactory.createForClass(ChargingStationDocument);
ChargingStationSchema.index({ tenantId: 1, stationId: 1 }, { unique: true });
ChargingStationSchema.index({ tenantId: 1, siteId: 1 });
ChargingStationSchema.index({ tenantId: 1, siteAreaId: 1 });
