/**
 * OICP's two charging errors (eRoamingChargingNotificationError's ErrorType): ConnectorError when the
 * driver should check the plug (it cannot be locked, released, or the car was not plugged in time),
 * CriticalError when the session broke off and the station needs a look (hardware, software, ground
 * fault, power, communication with the car).
 */
export type OicpErrorType = 'ConnectorError' | 'CriticalError';

/** OCPP 1.6 ChargePointErrorCode of a Faulted connector: the plug's own faults are the driver's to check. */
const CONNECTOR_FAULTS = new Set(['ConnectorLockFailure']);

/** OCPP 1.6 Reason / 2.0.1 ReasonEnum of a stop that broke the session off. */
const STOP_ERRORS: Record<string, OicpErrorType> = {
  EmergencyStop: 'CriticalError',
  PowerLoss: 'CriticalError',
  PowerQuality: 'CriticalError',
  GroundFault: 'CriticalError',
  OvercurrentFault: 'CriticalError',
  HardReset: 'CriticalError',
  SoftReset: 'CriticalError',
  ImmediateReset: 'CriticalError',
  Reboot: 'CriticalError',
  // The connector had to be unlocked from the back office, or the car was not plugged in in time.
  UnlockCommand: 'ConnectorError',
  Timeout: 'ConnectorError',
};

/** The error of a connector reported Faulted (2.0.1 reports no code: whatever it is, it is critical). */
export function errorOfFault(errorCode: string | undefined): OicpErrorType {
  return errorCode && CONNECTOR_FAULTS.has(errorCode) ? 'ConnectorError' : 'CriticalError';
}

/** The error a stop reason stands for, or undefined for an ordinary end (driver, car, EMP, limits). */
export function errorOfStop(reason: string | undefined): OicpErrorType | undefined {
  return reason ? STOP_ERRORS[reason] : undefined;
}
