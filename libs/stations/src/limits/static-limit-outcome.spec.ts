import { BadInputError, DomainError, ErrorCode, NotFoundError } from '@csms/common';
import { StationOfflineError, StationTimeoutError } from '../ports/station-errors';
import { StaticLimitStatus } from './models/static-limit-enums';
import { outcomeOfAnswer, outcomeOfError } from './static-limit-outcome';

const callError = (ocppErrorCode: string) =>
  new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, `answered with ${ocppErrorCode}`, { ocppErrorCode });

describe('outcomeOfAnswer', () => {
  it('accepts Accepted only', () => {
    expect(outcomeOfAnswer('Accepted')).toEqual({
      status: StaticLimitStatus.ACCEPTED,
      stationStatus: 'Accepted',
    });
    expect(outcomeOfAnswer('Rejected')).toMatchObject({
      status: StaticLimitStatus.REJECTED,
      stationStatus: 'Rejected',
    });
    expect(outcomeOfAnswer('Whatever').status).toBe(StaticLimitStatus.REJECTED);
  });

  it('tells apart what the station cannot do and what waits for a reboot', () => {
    expect(outcomeOfAnswer('NotSupported').status).toBe(StaticLimitStatus.NOT_SUPPORTED);
    expect(outcomeOfAnswer('UnknownVariable').status).toBe(StaticLimitStatus.NOT_SUPPORTED);
    expect(outcomeOfAnswer('RebootRequired').status).toBe(StaticLimitStatus.REBOOT_REQUIRED);
  });
});

describe('outcomeOfError', () => {
  it('reports offline and silent stations', () => {
    expect(outcomeOfError(new StationOfflineError('CS-1'))?.status).toBe(StaticLimitStatus.OFFLINE);
    expect(outcomeOfError(new StationTimeoutError('CS-1', 'SetChargingProfile'))?.status).toBe(
      StaticLimitStatus.TIMEOUT,
    );
  });

  it('reports CALLERRORs and commands the OCPP version cannot carry', () => {
    expect(outcomeOfError(callError('NotImplemented'))?.status).toBe(StaticLimitStatus.NOT_SUPPORTED);
    expect(outcomeOfError(callError('InternalError'))?.status).toBe(StaticLimitStatus.REJECTED);
    expect(
      outcomeOfError(new BadInputError('SetChargingProfile is not supported by OCPP 1.5')),
    ).toMatchObject({
      status: StaticLimitStatus.NOT_SUPPORTED,
      reason: 'SetChargingProfile is not supported by OCPP 1.5',
    });
  });

  it('leaves other errors to be thrown', () => {
    expect(outcomeOfError(new NotFoundError('ChargingStation', 'CS-1'))).toBeNull();
    expect(outcomeOfError(new Error('boom'))).toBeNull();
  });
});
