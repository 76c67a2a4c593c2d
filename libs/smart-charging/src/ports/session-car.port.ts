import { TenantId } from '@csms/common';
import { DomainEvent } from '@csms/events';

/** The session a question is about. */
export interface SessionRef {
  transactionId: string;
  chargingStationId: string;
  connectorId: number;
  startedAt: Date;
  /** The driver, when the session has one: whose car it may be. */
  userId?: string;
  /** The badge it started with (a car may have been chosen for it at remote start). */
  tagId?: string;
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
  /** The phases its on-board charger uses, as the car says (the meter's connectorPhases win). */
  acPhases?: number;
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
 * "What do we know about the car in this session." Implemented here (SessionCarFacts): the session's
 * own meter values, with the limits of the driver's car from SessionCarLimits when one is provided.
 */
export abstract class SessionCarInfo {
  abstract factsOf(tenantId: TenantId, sessions: readonly SessionRef[]): Promise<Map<string, CarFacts>>;
}

/** What the car charging a session says of itself. */
export interface CarLimits {
  /** The most it takes per phase on AC, A. */
  maxAcAmps: number;
  /** The phases its on-board charger uses (1..3). */
  acPhases: number;
  batteryWh?: number;
}

/**
 * Port: the car each session charges (the driver's default car, or the one chosen at remote start)
 * and its limits, by transaction id; sessions without a known car are left out. Provided by the car
 * catalog (libs/cars); without a provider, sessions are planned from their meter values alone.
 */
export abstract class SessionCarLimits {
  abstract limitsOf(tenantId: TenantId, sessions: readonly SessionRef[]): Promise<Map<string, CarLimits>>;
}

/**
 * Port: the state of charge each session's car reported itself (a car-data service), percent, by
 * transaction id; sessions without one are left out. Used where the station reports none (AC).
 * Provided by libs/cars when a car-data connector is there.
 */
export abstract class SessionCarStateOfCharge {
  abstract stateOfChargeOf(
    tenantId: TenantId,
    transactionIds: readonly string[],
  ): Promise<Map<string, number>>;
}

/** Published by a SessionCarLimits provider when it learns a session's car: its limits may differ now. */
export const SESSION_CAR_NOTED = 'SessionCarNoted';
export type SessionCarNotedEvent = DomainEvent<
  typeof SESSION_CAR_NOTED,
  { transactionId: string; chargingStationId: string }
>;
