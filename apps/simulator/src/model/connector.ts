import { ChargeState, EvSpec } from './charge-curve';

export type ConnectorStatus =
  | 'Available'
  | 'Preparing'
  | 'Charging'
  | 'SuspendedEV'
  | 'SuspendedEVSE'
  | 'Finishing'
  | 'Reserved'
  | 'Unavailable'
  | 'Faulted';

/** Version-neutral reasons; each protocol adapter maps them to its own enumeration. */
export type StopReason =
  | 'Local'
  | 'Remote'
  | 'EVDisconnected'
  | 'HardReset'
  | 'SoftReset'
  | 'UnlockCommand'
  | 'DeAuthorized'
  | 'Reboot';

export type SessionOrigin = 'Local' | 'Remote';

export interface Reservation {
  id: number;
  idTag: string;
  expiresAt: Date;
  timer: NodeJS.Timeout;
}

export interface MeterSample {
  timestamp: Date;
  energyRegisterWh: number;
  powerW: number;
  currentsA: number[];
  voltagesV: number[];
  socPercent?: number;
  /** DC: one current and one voltage, of no phase. */
  direct?: boolean;
}

export interface ChargingSession {
  /** Station-local id, stable while offline; the CSMS id (1.6) arrives with the StartTransaction answer. */
  localId: string;
  transactionId?: string;
  idTag: string;
  origin: SessionOrigin;
  remoteStartId?: number;
  reservationId?: number;
  ev: EvSpec;
  evName: string;
  targetSoc: number;
  charge: ChargeState;
  meterStartWh: number;
  startedAt: Date;
  powerW: number;
  capW: number;
  /** Wall-clock ms of the last physics step. */
  steppedAt: number;
  /** 2.0.1 TransactionEvent sequence number. */
  seqNo: number;
  stopping: boolean;
  stopReason?: StopReason;
  stoppedAt?: Date;
}

export interface Connector {
  id: number;
  status: ConnectorStatus;
  operative: boolean;
  /** ChangeAvailability to Inoperative during a session takes effect when it ends. */
  scheduledOperative?: boolean;
  energyRegisterWh: number;
  session?: ChargingSession;
  reservation?: Reservation;
  /** Resolves when the connector is free again. */
  freed?: Promise<void>;
}
