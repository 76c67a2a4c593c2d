import { TenantId } from '@csms/common';

/** What the OCPP edge tells the transactions domain, in version-neutral terms. */

/** NoCredit: the driver cannot pay (no card, billing not set up); 1.x stations are told Blocked. */
export type AuthorizationStatus =
  'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx' | 'NoCredit';

export interface IdTagInfo {
  status: AuthorizationStatus;
  expiryDate?: Date;
  parentIdTag?: string;
  /** The driver's tariff as text, for stations that show it (OCPP 2.0.1 personalMessage). */
  personalMessage?: { language?: string; content: string };
  /** Why it is not Accepted, for the message log; never sent to the station. */
  reason?: string;
}

/** A priced session's cost so far (or final), incl. taxes, rounded to the currency's minor units. */
export interface SessionCost {
  totalCost: number;
  currency: string;
}

/** A charging schedule an EV proposes (ISO 15118, through OCPP 2.0.1 NotifyEVChargingSchedule). */
export interface ProposedSchedule {
  rateUnit: 'A' | 'W';
  periods: { limit: number; numberPhases?: number }[];
}

/** One sampled value as the station sent it (1.5 `values`, 1.6 `sampledValue`, 2.0.1 `sampledValue`). */
export interface SampledValue {
  value: string;
  context?: string;
  format?: 'Raw' | 'SignedData';
  measurand?: string;
  phase?: string;
  location?: string;
  unit?: string;
}

export interface MeterValue {
  timestamp: Date;
  sampledValues: SampledValue[];
}

export interface StartTransactionRequest {
  connectorId: number;
  idTag: string;
  meterStartWh: number;
  timestamp: Date;
  reservationId?: number;
  /** 2.0.1: the station's own transaction id; 1.x: absent (the server assigns an integer). */
  stationTransactionId?: string;
}

export interface StartTransactionResult {
  /** The id the station must use from now on (1.x: integer as string). */
  ocppTransactionId: string;
  idTagInfo: IdTagInfo;
}

export interface StopTransactionRequest {
  ocppTransactionId: string;
  meterStopWh: number;
  timestamp: Date;
  idTag?: string;
  reason?: string;
  transactionData?: MeterValue[];
}

/** DI token and contract; implemented by the domain service, called by the OCPP edge. */
export abstract class TransactionInbound {
  /** `withTariff`: also tell the driver's tariff (personalMessage), for stations that display it. */
  abstract authorize(
    tenantId: TenantId,
    stationId: string,
    idTag: string,
    options?: { withTariff?: boolean },
  ): Promise<IdTagInfo>;
  abstract start(
    tenantId: TenantId,
    stationId: string,
    request: StartTransactionRequest,
  ): Promise<StartTransactionResult>;
  /**
   * Resolves once the samples are durably stored (group commit), so the edge acknowledges only
   * what is kept. `ocppTransactionId` absent: meter values outside a transaction, kept per station.
   */
  abstract meterValues(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    ocppTransactionId: string | undefined,
    values: MeterValue[],
  ): Promise<void>;
  /** `cost`: the final price of a priced session. */
  abstract stop(
    tenantId: TenantId,
    stationId: string,
    request: StopTransactionRequest,
  ): Promise<{ idTagInfo?: IdTagInfo; cost?: SessionCost }>;
  /**
   * 2.0.1: a transaction authorized before its EVSE was known (started on connector 0) learns it from a
   * later event. Nothing happens for an unknown transaction or one already on that connector.
   */
  abstract assignConnector(
    tenantId: TenantId,
    stationId: string,
    ocppTransactionId: string,
    connectorId: number,
  ): Promise<void>;
  /** A running priced session's cost so far, from memory (no I/O); undefined when not priced or not here. */
  abstract runningCost(
    tenantId: TenantId,
    stationId: string,
    ocppTransactionId: string,
  ): SessionCost | undefined;
  /**
   * Whether an EV's proposed schedule stays within the smart-charging limit in force for the session on
   * that connector (from memory, no I/O); true when no limit is known.
   */
  abstract withinChargingLimit(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    schedule: ProposedSchedule,
  ): boolean;
  /** After a BootNotification that follows a power loss: close what the station left open. */
  abstract closeOpenTransactions(tenantId: TenantId, stationId: string, reason: string): Promise<void>;
}
