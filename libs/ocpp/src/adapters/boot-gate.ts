import { createRPCError } from 'ocpp-rpc';
import { StationSession } from '../session/station-session';

/**
 * What a station may still send while its last BootNotification on this connection was answered
 * Pending or Rejected: another boot, and (2.0.1, Pending) the reports the CSMS asked for meanwhile.
 */
const WHILE_HELD_BACK: ReadonlySet<string> = new Set(['BootNotification', 'NotifyReport']);

/** OCPP B02/B03: any other request from a station not (yet) accepted is refused with SecurityError. */
export function refuseWhileHeldBack(session: StationSession, action: string): void {
  const status = session.bootStatus;
  if (!status || status === 'Accepted' || WHILE_HELD_BACK.has(action)) return;
  throw createRPCError(
    'SecurityError',
    `The station's boot was answered ${status}: ${action} waits until it is accepted`,
  ) as Error;
}
