import { Measures } from '../measures';

/**
 * One completed session as statistics see it: where and by whom, when in local time, and its
 * measures. The truth that rollups are recomputed from; written again when a session is corrected.
 */
export interface SessionFact {
  transactionId: string;
  chargingStationId: string;
  connectorId: number;
  userId?: string;
  tagId?: string;
  siteAreaId?: string;
  siteId?: string;
  companyId?: string;
  timeZone: string;
  startedAt: Date;
  stoppedAt: Date;
  /** The local day, hour and ISO weekday of the start, in `timeZone`. */
  localDay: string;
  localHour: number;
  weekday: number;
  measures: Measures;
  currency?: string;
}

/** Whose sessions a driver rollup adds up: the user, or the badge when no user is known. */
export function driverKeyOf(fact: Pick<SessionFact, 'userId' | 'tagId'>): string {
  if (fact.userId) return `u:${fact.userId}`;
  return fact.tagId ? `t:${fact.tagId}` : '-';
}
