/**
 * What the notifications listener reads from `TransactionStarted` / `TransactionStopped` events.
 * Only these fields are used, so any payload that carries them (the transactions domain's own
 * types included) works; events without a user are ignored.
 */
export interface SessionEventPayload {
  /** The transaction's id (`id` is accepted too). */
  transactionId?: string;
  id?: string;
  chargingStationId: string;
  connectorId: number;
  userId?: string | null;
  startedAt?: Date | string;
  stoppedAt?: Date | string | null;
  /** Energy delivered; else computed from meterStopWh − meterStartWh. */
  energyWh?: number;
  meterStartWh?: number;
  meterStopWh?: number | null;
}

export const SESSION_STARTED_EVENT = 'TransactionStarted';
export const SESSION_STOPPED_EVENT = 'TransactionStopped';

/** Narrows an event payload (unknown across module boundaries) to what the listener needs. */
export function readSessionEvent(payload: unknown): SessionEventPayload | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const candidate = payload as Record<string, unknown>;
  if (typeof candidate.chargingStationId !== 'string' || typeof candidate.connectorId !== 'number')
    return null;
  return candidate as unknown as SessionEventPayload;
}

export function sessionEnergyWh(session: SessionEventPayload): number {
  if (typeof session.energyWh === 'number') return session.energyWh;
  if (typeof session.meterStopWh === 'number' && typeof session.meterStartWh === 'number') {
    return Math.max(0, session.meterStopWh - session.meterStartWh);
  }
  return 0;
}

export function sessionDurationMinutes(session: SessionEventPayload, now = new Date()): number {
  if (!session.startedAt) return 0;
  const stopped = session.stoppedAt ? new Date(session.stoppedAt) : now;
  return Math.max(0, Math.round((stopped.getTime() - new Date(session.startedAt).getTime()) / 60_000));
}
