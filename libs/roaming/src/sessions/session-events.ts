import { RoamingSession } from './roaming-session';

/** Outbox kinds of the sessions a CPO reports (neutral payloads; each protocol renders them). */
export const SESSION_PUT = 'session.put';
export const SESSION_PATCH = 'session.patch';

export type SessionPutPayload = RoamingSession;

/** What changed since the last report: the new energy, cost and periods (added, never replaced). */
export interface SessionPatchPayload {
  id: string;
  kwh: number;
  totalCost?: RoamingSession['totalCost'];
  newChargingPeriods: RoamingSession['chargingPeriods'];
  lastUpdated: Date;
}

/** A session's reports (and its CDR) share this key: they reach the partner in order. */
export function sessionObjectKey(sessionId: string): string {
  return `session:${sessionId}`;
}
