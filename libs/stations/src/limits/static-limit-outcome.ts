import { DomainError, ErrorCode } from '@csms/common';
import { StaticLimitStatus } from './models/static-limit-enums';

export interface LimitOutcome {
  status: StaticLimitStatus;
  reason?: string;
  stationStatus?: string;
}

const NOT_SUPPORTED_ANSWERS = new Set([
  'NotSupported',
  // OCPP 2.0.1 SetVariables: the station has no such variable.
  'UnknownComponent',
  'UnknownVariable',
  'NotSupportedAttributeType',
]);
/** CALLERROR codes that mean the station does not do this at all. */
const NOT_SUPPORTED_CALL_ERRORS = new Set(['NotImplemented', 'NotSupported']);

/** The outcome of a station's answer word to SetChargingProfile, ClearChargingProfile or ChangeConfiguration. */
export function outcomeOfAnswer(stationStatus: string): LimitOutcome {
  if (stationStatus === 'Accepted') return { status: StaticLimitStatus.ACCEPTED, stationStatus };
  if (stationStatus === 'RebootRequired') {
    return {
      status: StaticLimitStatus.REBOOT_REQUIRED,
      stationStatus,
      reason: 'The station takes the value at its next reboot: not recorded as in force',
    };
  }
  if (NOT_SUPPORTED_ANSWERS.has(stationStatus)) {
    return {
      status: StaticLimitStatus.NOT_SUPPORTED,
      stationStatus,
      reason: `The station answered ${stationStatus}`,
    };
  }
  return {
    status: StaticLimitStatus.REJECTED,
    stationStatus,
    reason: `The station answered ${stationStatus}`,
  };
}

/**
 * The outcome of a command that failed: offline, no answer in time, a CALLERROR, or a command the
 * station's OCPP version cannot carry (BAD_USER_INPUT from the edge). Codes rather than classes,
 * so errors relayed from another instance map alike. Anything else is not the station's answer: null.
 */
export function outcomeOfError(error: unknown): LimitOutcome | null {
  if (!(error instanceof DomainError)) return null;
  switch (error.code) {
    case ErrorCode.STATION_OFFLINE:
      return { status: StaticLimitStatus.OFFLINE, reason: error.message };
    case ErrorCode.STATION_TIMEOUT:
      return { status: StaticLimitStatus.TIMEOUT, reason: error.message };
    case ErrorCode.BAD_USER_INPUT:
      return { status: StaticLimitStatus.NOT_SUPPORTED, reason: error.message };
  }
  const callError = error.details?.ocppErrorCode;
  if (typeof callError !== 'string') return null;
  const status = NOT_SUPPORTED_CALL_ERRORS.has(callError)
    ? StaticLimitStatus.NOT_SUPPORTED
    : StaticLimitStatus.REJECTED;
  return { status, reason: error.message };
}
