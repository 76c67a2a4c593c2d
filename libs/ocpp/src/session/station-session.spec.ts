import { BadInputError, DEFAULT_TENANT_ID } from '@csms/common';
import { StationOfflineError, StationTimeoutError } from '@csms/stations/ports/station-errors';
import { EventEmitter } from 'node:events';
import { createRPCError, TimeoutError } from 'ocpp-rpc';
import { createSchemaValidator } from '../transport/ocpp-validation';
import { RpcConnection } from '../transport/rpc-connection';
import { StationCallError } from './station-call.error';
import { StationSession } from './station-session';
import { StationSessionRegistry } from './station-session.registry';

const validator = createSchemaValidator('ocpp1.6');

function sessionAnswering(call: () => Promise<unknown>, stationId = 'CS-1'): StationSession {
  const connection = Object.assign(new EventEmitter(), {
    identity: stationId,
    protocol: 'ocpp1.6',
    session: {},
    handle: jest.fn(),
    call: jest.fn(call),
    sendRaw: jest.fn(),
    close: jest.fn().mockResolvedValue(undefined),
  }) as RpcConnection;
  return new StationSession(DEFAULT_TENANT_ID, stationId, '1.6', connection, validator);
}

describe('StationSession.call', () => {
  it('resolves with the station answer', async () => {
    const session = sessionAnswering(() => Promise.resolve({ status: 'Accepted' }));
    await expect(session.call('Reset', { type: 'Soft' })).resolves.toEqual({ status: 'Accepted' });
  });

  it('refuses our own invalid request as bad input without sending it', async () => {
    const session = sessionAnswering(() => Promise.resolve({}));
    await expect(session.call('Reset', { type: 'Gentle' })).rejects.toBeInstanceOf(BadInputError);
    expect(session.connection.call).not.toHaveBeenCalled();
  });

  it('turns a timeout into StationTimeoutError', async () => {
    const session = sessionAnswering(() => Promise.reject(new TimeoutError('Call timeout')));
    await expect(session.call('Reset', { type: 'Soft' })).rejects.toBeInstanceOf(StationTimeoutError);
  });

  it('turns a CALLERROR into StationCallError with the OCPP code', async () => {
    const session = sessionAnswering(() => Promise.reject(createRPCError('NotSupported', 'nope') as Error));
    await expect(session.call('Reset', { type: 'Soft' })).rejects.toMatchObject({
      constructor: StationCallError,
      details: expect.objectContaining({ ocppErrorCode: 'NotSupported' }),
    });
  });

  it('turns a connection lost mid-call into StationOfflineError', async () => {
    const aborted = Object.assign(new Error('Client disconnected'), { name: 'AbortError' });
    const session = sessionAnswering(() => Promise.reject(aborted));
    await expect(session.call('Reset', { type: 'Soft' })).rejects.toBeInstanceOf(StationOfflineError);
  });
});

describe('StationSessionRegistry', () => {
  it('lets a reconnecting station replace its old session, which then cannot remove the new one', () => {
    const registry = new StationSessionRegistry();
    const first = sessionAnswering(() => Promise.resolve({}));
    const second = sessionAnswering(() => Promise.resolve({}));
    expect(registry.add(first)).toBeUndefined();
    expect(registry.add(second)).toBe(first);
    expect(registry.remove(first)).toBe(false);
    expect(registry.get(DEFAULT_TENANT_ID, 'CS-1')).toBe(second);
    expect(registry.remove(second)).toBe(true);
    expect(registry.size).toBe(0);
  });
});
