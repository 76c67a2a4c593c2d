/** Heartbeats a SOAP station may miss before it counts as offline. */
const MISSED_HEARTBEATS = 2;
const MIN_GRACE_MS = 60_000;

export interface OnlineFacts {
  online: boolean;
  ocppProtocol?: string;
  lastSeen?: Date;
  heartbeatIntervalSeconds?: number;
}

/** How long a SOAP station stays online after its last message. */
export function soapOnlineGraceMs(heartbeatIntervalSeconds = 0): number {
  return Math.max(MISSED_HEARTBEATS * heartbeatIntervalSeconds * 1000, MIN_GRACE_MS);
}

/**
 * A JSON station is online while its WebSocket is open. A SOAP station has no connection to watch:
 * it is online while its messages keep coming at about its heartbeat interval.
 */
export function isOnline(station: OnlineFacts, now = Date.now()): boolean {
  if (station.ocppProtocol !== 'soap') return station.online;
  if (!station.lastSeen) return false;
  return now - station.lastSeen.getTime() <= soapOnlineGraceMs(station.heartbeatIntervalSeconds);
}
