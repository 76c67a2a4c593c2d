import { DomainError, ErrorCode } from '@csms/common';

export class StationOfflineError extends DomainError {
  constructor(stationId: string) {
    super(ErrorCode.STATION_OFFLINE, `Charging station ${stationId} is not connected`, {
      chargingStationId: stationId,
    });
  }
}

export class StationTimeoutError extends DomainError {
  constructor(stationId: string, action: string) {
    super(ErrorCode.STATION_TIMEOUT, `Charging station ${stationId} did not answer ${action} in time`, {
      chargingStationId: stationId,
      action,
    });
  }
}
