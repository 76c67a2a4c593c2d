/** Heartbeats a SOAP station may miss before it counts as offline. */
const MISSED_HEARTBEATS = 2;
const MIN_GRACE_MS = 60_000;

export interface OnlineFacts {
  online: boolean;
  ocppProtocol?: string;
  lastSeen?: Date;
  heartbeatIntervalSeconds?: number;
}

/**
 * A JSON station is online while its WebSocket is open. A SOAP station has no connection to watch:
 * it is online while its messages keep coming at about its heartbeat interval.
 */
export function isOnline(station: OnlineFacts, now = Date.now()): boolean {
  if (station.ocppProtocol !== 'soap') return station.online;
  if (!station.lastSeen) return false;
  const interval = (station.heartbeatIntervalSeconds ?? 0) * 1000;
  return now - station.lastSeen.getTime() <= Math.max(MISSED_HEARTBEATS * interval, MIN_GRACE_MS);
}
