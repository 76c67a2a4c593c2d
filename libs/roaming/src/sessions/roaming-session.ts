import { RoamingAuthMethod, RoamingTokenRef } from '../authorizations/roaming-authorization';
import { Tariff } from '@csms/pricing';
import { RoamingLocation } from '../locations/roaming-location';

export type RoamingSessionStatus = 'ACTIVE' | 'COMPLETED' | 'INVALID' | 'PENDING' | 'RESERVATION';

export interface RoamingPrice {
  exclVat: number;
  inclVat?: number;
}

/** A period of a session (OCPI ChargingPeriod): its start, what was consumed, under which tariff. */
export interface RoamingChargingPeriod {
  startDateTime: Date;
  dimensions: { type: string; volume: number }[];
  tariffId?: string;
}

/**
 * A session at one of our stations by a partner's driver, as that partner is told of it (OCPI
 * Session). `location` is the location as it was, with only the session's EVSE (2.1.1 sessions and
 * CDRs carry it whole).
 */
export interface RoamingSession {
  /** Our transaction's id. */
  id: string;
  partnerId: string;
  token: RoamingTokenRef;
  authMethod: RoamingAuthMethod;
  authorizationReference?: string;
  location: RoamingLocation;
  evseUid: string;
  connectorId: string;
  stationId: string;
  startedAt: Date;
  endedAt?: Date;
  kwh: number;
  status: RoamingSessionStatus;
  currency: string;
  totalCost?: RoamingPrice;
  chargingPeriods: RoamingChargingPeriod[];
  /** Why the station stopped it (OCPP stop reason), once COMPLETED. */
  stopReason?: string;
  /** Whether a charging error was told to the partner, and what told it (a Faulted status, or the stop). */
  errorReported?: 'status' | 'stop';
  /** The tariff frozen on our transaction (its progress events leave it out): what prices the reports. */
  tariff?: Tariff;
  lastUpdated: Date;
}
