import { TenantId } from '@csms/common';

/** What the OCPP edge tells the stations domain, in version-neutral terms. */

export type OcppVersion = '1.5' | '1.6' | '2.0.1';
export type OcppProtocol = 'json' | 'soap';

export type ConnectionDecision =
  | { allowed: true; registered: boolean }
  | { allowed: false; reason: 'unknown-tenant' | 'unknown-station' | 'bad-credentials' };

export interface BootInfo {
  vendor: string;
  model: string;
  serialNumber?: string;
  chargeBoxSerialNumber?: string;
  firmwareVersion?: string;
  iccid?: string;
  imsi?: string;
  meterType?: string;
  meterSerialNumber?: string;
  /** 2.0.1 BootReason; absent for 1.x. */
  reason?: string;
}

export interface BootDecision {
  status: 'Accepted' | 'Pending' | 'Rejected';
  /** Heartbeat interval in seconds. */
  interval: number;
  currentTime: Date;
}

export interface ConnectorStatusReport {
  /** 1.x connector id; for 2.0.1 the EVSE id. 0 is the station itself. */
  connectorId: number;
  status: string;
  errorCode?: string;
  info?: string;
  vendorId?: string;
  vendorErrorCode?: string;
  timestamp?: Date;
}

export interface StationLink {
  ocppVersion: OcppVersion;
  ocppProtocol: OcppProtocol;
  /** SOAP: the station's endpoint (WS-Addressing From); JSON: undefined. */
  endpoint?: string;
}

export interface InboundDataTransfer {
  vendorId: string;
  messageId?: string;
  data?: string;
}

/** DI token and contract; implemented by the domain service, called by the OCPP edge. */
export abstract class StationInbound {
  /** Checked at the WebSocket upgrade / first SOAP message. */
  /**
   * `certified`: the station presented a client certificate, verified against our CA, naming it
   * (security profile 3); it then needs no password. `registrationToken`: the `?token=` of the
   * station's URL, which lets a new station in (see libs/organizations registration tokens).
   */
  abstract mayConnect(
    tenantId: string,
    stationId: string,
    password?: string,
    certified?: boolean,
    registrationToken?: string,
  ): Promise<ConnectionDecision>;
  abstract connected(tenantId: TenantId, stationId: string, link: StationLink): Promise<void>;
  abstract disconnected(tenantId: TenantId, stationId: string): Promise<void>;
  abstract boot(
    tenantId: TenantId,
    stationId: string,
    info: BootInfo,
    link: StationLink,
  ): Promise<BootDecision>;
  abstract heartbeat(tenantId: TenantId, stationId: string): Promise<Date>;
  abstract statusNotification(
    tenantId: TenantId,
    stationId: string,
    report: ConnectorStatusReport,
  ): Promise<void>;
  /** Stored; returns the status to answer (`UnknownVendorId` when nobody handles the vendor). */
  abstract dataTransfer(
    tenantId: TenantId,
    stationId: string,
    request: InboundDataTransfer,
  ): Promise<{ status: string; data?: string }>;
  abstract firmwareStatus(tenantId: TenantId, stationId: string, status: string): Promise<void>;
  abstract diagnosticsStatus(tenantId: TenantId, stationId: string, status: string): Promise<void>;
}
