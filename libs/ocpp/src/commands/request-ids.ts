import { randomInt } from 'node:crypto';

/**
 * Ids the CSMS picks for its requests (2.0.1 remoteStartId, requestId of reports, logs, firmware):
 * random positive 31-bit integers, so ids from several instances or restarts do not collide.
 */
export function newRequestId(): number {
  return randomInt(1, 2 ** 31 - 1);
}
