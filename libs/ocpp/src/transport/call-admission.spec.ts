import { ConcurrencyLimit } from '@csms/common';
import { EventEmitter } from 'node:events';
import { admitCalls } from './call-admission';
import { RpcConnection, RpcHandlerContext } from './rpc-connection';
import { StationAdmissions } from './station-admissions';

type Handler = (context: RpcHandlerContext) => Promise<unknown>;

/** A connection whose registered handlers the test calls as ocpp-rpc would. */
function fakeConnection(): RpcConnection & { handlers: Map<string, Handler> } {
  const connection = new EventEmitter() as RpcConnection & { handlers: Map<string, Handler> };
  connection.handlers = new Map();
  connection.handle = (method, handler) => connection.handlers.set(method, handler);
  return connection;
}

const call = (method: string): RpcHandlerContext => ({ messageId: '1', method, params: {} });
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('admitCalls', () => {
  it('waits for the connection record, then for a turn, and drops calls of a closed connection', async () => {
    const calls = new ConcurrencyLimit(1);
    const admissions = new StationAdmissions(2);
    let recorded!: () => void;
    const connected = new Promise<void>((resolve) => (recorded = resolve));
    const busy = fakeConnection();
    const leaving = fakeConnection();
    admitCalls(busy, connected, calls, await admissions.enter());
    admitCalls(leaving, connected, calls, await admissions.enter());
    let release!: () => void;
    const handled: string[] = [];
    busy.handle('Heartbeat', async () => {
      handled.push('busy');
      await new Promise<void>((resolve) => (release = resolve));
      return { currentTime: 'now' };
    });
    leaving.handle('BootNotification', async () => {
      handled.push('leaving');
      return { status: 'Accepted' };
    });

    const first = busy.handlers.get('Heartbeat')!(call('Heartbeat'));
    await turn();
    expect(handled).toEqual([]);
    recorded();
    await turn();
    expect(handled).toEqual(['busy']);
    const second = leaving.handlers.get('BootNotification')!(call('BootNotification'));
    await turn();
    leaving.emit('close');
    await turn();
    expect(admissions.load).toEqual({ running: 1, waiting: 0 });
    release();
    await expect(first).resolves.toEqual({ currentTime: 'now' });
    await expect(second).rejects.toThrow('BootNotification dropped');
    expect(handled).toEqual(['busy']);
    expect(calls.load).toEqual({ running: 0, waiting: 0 });
    await turn();
    expect(admissions.load).toEqual({ running: 0, waiting: 0 });
  });

  it("ends the station's admission once its first CALL is answered, even with an error", async () => {
    const admissions = new StationAdmissions(1);
    const station = fakeConnection();
    admitCalls(station, Promise.resolve(), new ConcurrencyLimit(1), await admissions.enter());
    const next = admissions.enter();
    station.handle('BootNotification', () => Promise.reject(new Error('database down')));
    await expect(station.handlers.get('BootNotification')!(call('BootNotification'))).rejects.toThrow(
      'database down',
    );
    await expect(next).resolves.toBeDefined();
  });
});
