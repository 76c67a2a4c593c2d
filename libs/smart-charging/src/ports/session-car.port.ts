import { TenantId } from '@csms/common';

/** The session a question is about. */
export interface SessionRef {
  transactionId: string;
  chargingStationId: string;
  connectorId: number;
  startedAt: Date;
}

/**
 * What is known of the car in a session. Every field may be unknown. The session itself tells some
 * (state of charge and phases from its meter values); a car catalog or the driver's car tells more
 * (its AC limit, phases, battery).
 */
export interface CarFacts {
  /** The connector phases (1..3) the car draws on. */
  connectorPhases?: number[];
  /** The most the car takes per phase on AC, A. */
  maxAcAmps?: number;
  batteryWh?: number;
  /** Percent, as last reported. */
  stateOfCharge?: number;
  /** Percent, when the car or the driver's profile says. */
  targetSoc?: number;
  departureAt?: Date;
  /** The highest phase current in the last meter value, A, and when it was measured. */
  measuredAmps?: number;
  measuredAt?: Date;
  /** Current per connector phase (L1..L3) in the last meter value, A. */
  measuredPhaseAmps?: [number, number, number];
}

/**
 * "What do we know about the car in this session." Implemented here from the session's own meter
 * values (MeteredSessionCars); the car catalog (libs/cars) can provide one that adds catalog limits
 * and the driver's car, reusing the metered facts for what only the session tells.
 */
export abstract class SessionCarInfo {
  abstract factsOf(tenantId: TenantId, sessions: readonly SessionRef[]): Promise<Map<string, CarFacts>>;
}
