import { BadInputError, DEFAULT_TENANT_ID, OperationContext, runOperation } from '@csms/common';
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
  let sent = 0;
  const connection: RpcConnection = Object.assign(new EventEmitter(), {
    identity: stationId,
    protocol: 'ocpp1.6',
    session: {},
    handle: jest.fn(),
    // As ocpp-rpc does: the frame is announced with a `call` event just before it is sent.
    call: jest.fn((method: string, params: unknown) => {
      connection.emit('call', { outbound: true, payload: [2, `m-${++sent}`, method, params] });
      return call();
    }),
    sendRaw: jest.fn(),
    close: jest.fn().mockResolvedValue(undefined),
  });
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

  it("notes each CALL's message id in the operation in progress, answered or not", async () => {
    const operation: OperationContext = { ocppCalls: [] };
    const answering = sessionAnswering(() => Promise.resolve({ status: 'Accepted' }));
    const silent = sessionAnswering(() => Promise.reject(new TimeoutError('Call timeout')), 'CS-2');
    await runOperation(operation, async () => {
      await answering.call('ClearCache', {});
      await answering.call('Reset', { type: 'Soft' });
      await silent.call('Reset', { type: 'Hard' }).catch(() => undefined);
    });
    expect(operation.ocppCalls).toEqual([
      { chargingStationId: 'CS-1', action: 'ClearCache', messageId: 'm-1' },
      { chargingStationId: 'CS-1', action: 'Reset', messageId: 'm-2' },
      { chargingStationId: 'CS-2', action: 'Reset', messageId: 'm-1' },
    ]);
    // Outside an operation nothing is noted, and nothing fails.
    await expect(answering.call('ClearCache', {})).resolves.toEqual({ status: 'Accepted' });
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
