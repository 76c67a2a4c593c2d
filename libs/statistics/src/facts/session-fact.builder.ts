import { Consumption, Transaction } from '@csms/transactions';
import { Measures } from '../measures';
import { dayKey, localParts } from '../time/local-time';
import { SessionFact } from './session-fact';

/** Where a session's station stood when it ended, and the zone of its local days. */
export interface SessionPlace {
  siteAreaId?: string;
  siteId?: string;
  companyId?: string;
  timeZone: string;
}

/** The price pricing puts on a session (SessionPrice in the contract), when it is there. */
interface PricedSession {
  price?: { exclVat: number; inclVat?: number | null; currency: string } | null;
}

/**
 * Time without energy flowing: the intervals of the curve over which the meter did not move
 * (plugged in, not charging: a full battery, a car waiting for its timer, a suspended session).
 */
export function inactivitySeconds(startedAt: Date, curve: readonly Consumption[]): number {
  let previous = { timestamp: startedAt, cumulatedWh: 0 };
  let idleMs = 0;
  for (const point of curve) {
    const elapsed = point.timestamp.getTime() - previous.timestamp.getTime();
    if (elapsed > 0 && point.cumulatedWh - previous.cumulatedWh <= 0) idleMs += elapsed;
    previous = point;
  }
  return idleMs / 1000;
}

/** The fact of a stopped session; null for one still open. */
export function sessionFactOf(
  transaction: Transaction & PricedSession,
  place: SessionPlace,
  curve: readonly Consumption[],
): SessionFact | null {
  if (transaction.active || !transaction.stoppedAt) return null;
  const local = localParts(transaction.startedAt, place.timeZone);
  const usage = Math.max(0, (transaction.stoppedAt.getTime() - transaction.startedAt.getTime()) / 1000);
  const price = transaction.price ?? undefined;
  const measures: Measures = [
    transaction.energyWh,
    usage,
    Math.min(usage, inactivitySeconds(transaction.startedAt, curve)),
    1,
    price ? (price.inclVat ?? price.exclVat) : 0,
  ];
  return {
    transactionId: transaction.id,
    chargingStationId: transaction.chargingStationId,
    connectorId: transaction.connectorId,
    userId: transaction.userId,
    tagId: transaction.tagId,
    ...place,
    startedAt: transaction.startedAt,
    stoppedAt: transaction.stoppedAt,
    localDay: dayKey(local.year, local.month, local.day),
    localHour: local.hour,
    weekday: local.weekday,
    measures,
    currency: price?.currency,
  };
}
