/**
 * How long a station may stay silent before it counts as gone: `missedHeartbeats` heartbeat
 * intervals, never less than `minSeconds` (stations with a very short interval).
 */
export function quietThresholdMs(
  heartbeatIntervalSeconds: number,
  missedHeartbeats: number,
  minSeconds: number,
): number {
  return Math.max(heartbeatIntervalSeconds * missedHeartbeats, minSeconds) * 1000;
}
