import { StationOfflineError, StationTimeoutError } from '@csms/stations';

/**
 * What came of a command at the station, in OCPI's words (CommandResultType), which OICP's remote
 * start/stop answers map from too.
 */
export type RoamingCommandResult =
  | 'ACCEPTED'
  | 'CANCELED_RESERVATION'
  | 'EVSE_OCCUPIED'
  | 'EVSE_INOPERATIVE'
  | 'FAILED'
  | 'NOT_SUPPORTED'
  | 'REJECTED'
  | 'TIMEOUT'
  | 'UNKNOWN_RESERVATION';

/** The station's answer word (any OCPP version) as a result. */
const RESULT_OF_ANSWER: Record<string, RoamingCommandResult> = {
  Accepted: 'ACCEPTED',
  Rejected: 'REJECTED',
  Unlocked: 'ACCEPTED',
  UnlockFailed: 'FAILED',
  NotSupported: 'NOT_SUPPORTED',
  Occupied: 'EVSE_OCCUPIED',
  Faulted: 'EVSE_INOPERATIVE',
  Unavailable: 'EVSE_INOPERATIVE',
  OngoingAuthorizedTransaction: 'REJECTED',
  UnknownConnector: 'FAILED',
};

export function resultOfAnswer(status: string): RoamingCommandResult {
  return RESULT_OF_ANSWER[status] ?? 'FAILED';
}

/** A command that did not get an answer: the station's silence is a TIMEOUT, anything else a failure. */
export function resultOfError(error: unknown): RoamingCommandResult {
  if (error instanceof StationTimeoutError) return 'TIMEOUT';
  if (error instanceof StationOfflineError) return 'FAILED';
  return 'FAILED';
}

export interface CommandOutcome {
  result: RoamingCommandResult;
  message?: string;
}
