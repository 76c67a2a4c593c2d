import { BadInputError, DomainError, ErrorCode } from '@csms/common';
import { StationOfflineError, StationTimeoutError } from '@csms/stations/ports/station-errors';
import { fromWireJson, toWireJson } from '@csms/events/redis/wire-json';
import { WireError, errorFromWire, errorToWire, registerRemoteErrorClass } from './remote-error.codec';

function roundTrip(error: unknown): Error {
  return errorFromWire(fromWireJson(toWireJson(errorToWire(error))) as WireError, 'instance-a');
}

class VendorError extends DomainError {
  constructor() {
    super(ErrorCode.INTERNAL_SERVER_ERROR, 'vendor said no', { vendor: 'X' });
  }
}

describe('remote error codec', () => {
  it.each([
    new StationOfflineError('CS-1'),
    new StationTimeoutError('CS-1', 'Reset'),
    new BadInputError('bad key', { key: 'x' }),
  ])('brings back %p as the same class, code, message and details', (original) => {
    const back = roundTrip(original);
    expect(back).toBeInstanceOf(original.constructor);
    expect(back).toBeInstanceOf(DomainError);
    expect(back).toMatchObject({ name: original.name, code: original.code, message: original.message });
    expect((back as DomainError).details).toEqual(original.details);
  });

  it('brings back other domain errors as DomainError with their code, or their class once registered', () => {
    const unregistered = roundTrip(new VendorError());
    expect(unregistered).toBeInstanceOf(DomainError);
    expect(unregistered).not.toBeInstanceOf(VendorError);
    expect(unregistered).toMatchObject({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'vendor said no' });
    registerRemoteErrorClass(VendorError);
    expect(roundTrip(new VendorError())).toBeInstanceOf(VendorError);
  });

  it('keeps unexpected errors out of the domain (they stay internal errors)', () => {
    const back = roundTrip(new TypeError('x is undefined'));
    expect(back).not.toBeInstanceOf(DomainError);
    expect(back).toMatchObject({ name: 'TypeError', message: 'x is undefined' });
  });

  it('refuses codes outside the contract', () => {
    const back = errorFromWire({ name: 'Strange', message: 'm', code: 'NOPE' }, 'a') as DomainError;
    expect(back.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
  });
});
