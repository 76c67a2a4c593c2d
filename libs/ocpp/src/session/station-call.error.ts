import { DomainError, ErrorCode } from '@csms/common';

/** The station answered a command with a CALLERROR, or with an answer its schema refuses. */
export class StationCallError extends DomainError {
  constructor(stationId: string, action: string, ocppErrorCode: string, description: string) {
    super(
      ErrorCode.INTERNAL_SERVER_ERROR,
      `Charging station ${stationId} answered ${action} with ${ocppErrorCode}`,
      {
        chargingStationId: stationId,
        action,
        ocppErrorCode,
        description,
      },
    );
  }
}
