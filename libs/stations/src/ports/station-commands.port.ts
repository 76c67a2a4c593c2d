import { TenantId } from '@csms/common';

/**
 * Version-neutral commands to a station. Implemented by the OCPP edge (JSON 1.6/2.0.1, SOAP
 * 1.5/1.6), which encodes per version. Every method resolves with the station's own answer word
 * in `status` (Accepted, Rejected, Unlocked, …) and rejects with StationOfflineError or
 * StationTimeoutError. Optional fields a version cannot express are ignored or refused with
 * BadInputError by the edge.
 */
export interface CommandResult {
  status: string;
  /** Version-specific detail the station returned (e.g. a composite schedule, a configuration). */
  data?: Record<string, unknown>;
}

export type ResetKind = 'Hard' | 'Soft';
export type AvailabilityKind = 'Operative' | 'Inoperative';

export interface ConfigurationValue {
  key: string;
  value?: string;
  readonly?: boolean;
}

export interface ConfigurationReport {
  keys: ConfigurationValue[];
  unknownKeys: string[];
}

/** A charging profile in OCPP 1.6 terms (2.0.1 maps it); limits in W or A per `rateUnit`. */
export interface ChargingProfileInput {
  chargingProfileId: number;
  stackLevel: number;
  purpose: 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile';
  kind: 'Absolute' | 'Recurring' | 'Relative';
  recurrencyKind?: 'Daily' | 'Weekly';
  validFrom?: Date;
  validTo?: Date;
  transactionId?: number;
  /** The station's own transaction id (2.0.1 strings); wins over `transactionId`. */
  ocppTransactionId?: string;
  schedule: {
    duration?: number;
    startSchedule?: Date;
    rateUnit: 'W' | 'A';
    minChargingRate?: number;
    periods: { startPeriod: number; limit: number; numberPhases?: number }[];
  };
}

/** Where and how a station is to connect from its next connection on (OCPP security profiles). */
export interface SecurityProfileRequest {
  /** 1: Basic auth over ws, 2: Basic auth over TLS, 3: TLS with a client certificate. */
  securityProfile: number;
  /** The OCPP-J URL the station connects to, without its identity (2.0.1 network profile). */
  csmsUrl: string;
  /** 2.0.1: the NetworkConfigurationPriority slot written (default: one after the highest in use). */
  configurationSlot?: number;
}

/** Signed firmware (1.6 security extension, 2.0.1) carries the signing certificate and signature. */
export interface FirmwareUpdateRequest {
  location: string;
  retrieveDate: Date;
  installDate?: Date;
  retries?: number;
  retryInterval?: number;
  /** PEM of the certificate that signed the firmware. */
  signingCertificate?: string;
  /** Base64 signature of the firmware file. */
  signature?: string;
}

export interface LocalListEntry {
  idTag: string;
  status?: 'Accepted' | 'Blocked' | 'Expired' | 'Invalid';
  expiryDate?: Date;
  parentIdTag?: string;
}

export abstract class StationCommands {
  abstract reset(tenantId: TenantId, stationId: string, kind: ResetKind): Promise<CommandResult>;
  abstract clearCache(tenantId: TenantId, stationId: string): Promise<CommandResult>;
  abstract changeAvailability(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    kind: AvailabilityKind,
  ): Promise<CommandResult>;
  abstract changeConfiguration(
    tenantId: TenantId,
    stationId: string,
    key: string,
    value: string,
  ): Promise<CommandResult>;
  /** 1.6: ChangeConfiguration SecurityProfile; 2.0.1: SetNetworkProfile and NetworkConfigurationPriority. */
  abstract setSecurityProfile(
    tenantId: TenantId,
    stationId: string,
    request: SecurityProfileRequest,
  ): Promise<CommandResult>;
  abstract getConfiguration(
    tenantId: TenantId,
    stationId: string,
    keys?: string[],
  ): Promise<ConfigurationReport>;
  abstract remoteStart(
    tenantId: TenantId,
    stationId: string,
    request: { connectorId?: number; idTag: string; chargingProfile?: ChargingProfileInput },
  ): Promise<CommandResult>;
  /** `ocppTransactionId` is the id the station knows (1.6 integer as string, 2.0.1 string). */
  abstract remoteStop(
    tenantId: TenantId,
    stationId: string,
    ocppTransactionId: string,
  ): Promise<CommandResult>;
  abstract unlockConnector(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
  ): Promise<CommandResult>;
  abstract dataTransfer(
    tenantId: TenantId,
    stationId: string,
    request: { vendorId: string; messageId?: string; data?: string },
  ): Promise<CommandResult>;
  abstract getDiagnostics(
    tenantId: TenantId,
    stationId: string,
    request: {
      location: string;
      startTime?: Date;
      stopTime?: Date;
      retries?: number;
      retryInterval?: number;
    },
  ): Promise<CommandResult>;
  abstract updateFirmware(
    tenantId: TenantId,
    stationId: string,
    request: FirmwareUpdateRequest,
  ): Promise<CommandResult>;
  abstract sendLocalList(
    tenantId: TenantId,
    stationId: string,
    request: { listVersion: number; updateType: 'Full' | 'Differential'; entries: LocalListEntry[] },
  ): Promise<CommandResult>;
  abstract getLocalListVersion(tenantId: TenantId, stationId: string): Promise<CommandResult>;
  abstract reserveNow(
    tenantId: TenantId,
    stationId: string,
    request: {
      connectorId: number;
      expiryDate: Date;
      idTag: string;
      parentIdTag?: string;
      reservationId: number;
      /** OCPP 2.0.1 only: a connector of this type (ConnectorEnumType), on any EVSE that has one. */
      connectorType?: string;
    },
  ): Promise<CommandResult>;
  abstract cancelReservation(
    tenantId: TenantId,
    stationId: string,
    reservationId: number,
  ): Promise<CommandResult>;
  abstract setChargingProfile(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    profile: ChargingProfileInput,
  ): Promise<CommandResult>;
  abstract clearChargingProfile(
    tenantId: TenantId,
    stationId: string,
    request: {
      id?: number;
      connectorId?: number;
      purpose?: ChargingProfileInput['purpose'];
      stackLevel?: number;
    },
  ): Promise<CommandResult>;
  abstract getCompositeSchedule(
    tenantId: TenantId,
    stationId: string,
    request: { connectorId: number; duration: number; rateUnit?: 'W' | 'A' },
  ): Promise<CommandResult>;
  abstract triggerMessage(
    tenantId: TenantId,
    stationId: string,
    request: { message: string; connectorId?: number },
  ): Promise<CommandResult>;
  /**
   * A running session's cost so far, incl. taxes (OCPP 2.0.1 CostUpdated). Versions without it refuse
   * with BadInputError (OCPP 1.6 stations get California Pricing DataTransfers instead).
   */
  abstract costUpdated(
    tenantId: TenantId,
    stationId: string,
    request: { ocppTransactionId: string; totalCost: number },
  ): Promise<CommandResult>;
}
