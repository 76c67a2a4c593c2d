import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A schedule as last sent to a connector: the base for the change threshold. */
export interface SentSchedule {
  /**
   * TxProfile (a session), TxDefaultProfile (an idle connector's allowance) or ChargePointMaxProfile
   * (a 2.0.1 station's whole share, ChargingStationMaxProfile on the wire, on connector 0).
   */
  purpose: 'TxProfile' | 'TxDefaultProfile' | 'ChargePointMaxProfile';
  /** The session it was sent for (a new session needs its own). */
  transactionId?: string;
  startSchedule: Date;
  /** A per slot from startSchedule, the last one holding on. */
  limits: number[];
  phaseToUse?: number;
  /** The unit the station was sent (plans stored before it was kept have none). */
  rateUnit?: 'A' | 'W';
  sentAt: Date;
}

export interface StoredConnectorPlan {
  chargingStationId: string;
  connectorId: number;
  siteAreaId: string;
  transactionId?: string;
  periods: { start: Date; limitAmps?: number; limitWatts?: number }[];
  reason?: string;
  reasonCode?: string;
  gridPhases: number[];
  delivery: string;
  deliveryDetail?: string;
  /** Connector phase (1..3) → grid phase (0..2): how its meter values map onto the fuses. */
  phaseRotation: string;
  sent?: SentSchedule;
  /** Sticky limitation in force: the session was limited to about what it drew. */
  stickyAmps?: number;
}

/** An area of the tree as planned: its fuse and what its assets drew (the load curve shows them). */
export interface StoredArea {
  id: string;
  parentId?: string;
  /** Per phase, A; null: no limit. */
  limitAmps: number | null;
  voltage: number;
  phases: number;
  assetAmps: [number, number, number];
}

/** What an idle connector may let a new car draw until the next plan; connector 0: the station's share. */
export interface StoredAllowance {
  chargingStationId: string;
  connectorId: number;
  sent: SentSchedule;
}

/** The last plan of a site-area tree (its top area), with what each connector was sent. */
@Schema({ collection: 'smart_charging_plans', timestamps: true })
export class SmartChargingPlanDocument extends TenantDocument {
  @Prop({ required: true })
  rootAreaId: string;

  /** Every area of the tree: a plan is found by any of them. */
  @Prop({ type: [String], required: true })
  areaIds: string[];

  @Prop({ type: [Object], default: [] })
  areas: StoredArea[];

  @Prop({ required: true })
  computedAt: Date;

  @Prop({ default: true })
  stickyLimitation: boolean;

  @Prop({ type: [Object], default: [] })
  connectors: StoredConnectorPlan[];

  /** Idle connectors' allowances (TxDefaultProfile) and stations' shares (connector 0) as last sent. */
  @Prop({ type: [Object], default: [] })
  allowances: StoredAllowance[];
}

export const SmartChargingPlanSchema = SchemaFactory.createForClass(SmartChargingPlanDocument);
SmartChargingPlanSchema.index({ tenantId: 1, rootAreaId: 1 }, { unique: true });
SmartChargingPlanSchema.index({ tenantId: 1, areaIds: 1 });
