import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { createRPCError, RPCServer } from 'ocpp-rpc';
import WebSocket from 'ws';
import { answerCallsDirectly } from './inbound-calls';
import { createSchemaValidator } from './ocpp-validation';
import { RpcConnection } from './rpc-connection';

/**
 * A real ocpp-rpc server whose connections answer through answerCallsDirectly, and a station that
 * is a raw WebSocket, so that it can send what ocpp-rpc's own client would refuse to.
 */
describe('answerCallsDirectly', () => {
  const validator = createSchemaValidator('ocpp1.6');
  let server: RPCServer;
  let connection: RpcConnection;
  let station: WebSocket;
  let release: () => void;
  let slowCallStarted: Promise<void>;
  const failures: { outbound: boolean; method: string }[] = [];

  beforeEach(async () => {
    failures.length = 0;
    let markStarted!: () => void;
    slowCallStarted = new Promise((resolve) => (markStarted = resolve));
    server = new RPCServer({
      protocols: ['ocpp1.6'],
      strictMode: true,
      strictModeValidators: [validator] as never,
      respondWithDetailedErrors: false,
    });
    const connected = new Promise<RpcConnection>((resolve) =>
      server.on('client', (client: RpcConnection) => {
        answerCallsDirectly(client, validator);
        client.on('strictValidationFailure', ({ outbound, method }) => failures.push({ outbound, method }));
        client.handle('Heartbeat', async () => ({ currentTime: '2026-12-06T22:00:00.000Z' }));
        client.handle('StatusNotification', async () => ({ unexpected: true }));
        client.handle('Authorize', async ({ params }) => {
          const { idTag } = params as { idTag: string };
          if (idTag === 'rpc') throw createRPCError('SecurityError', 'Not now') as Error;
          if (idTag === 'plain') throw new Error('something broke');
          markStarted();
          await new Promise<void>((resolve) => (release = resolve));
          return { idTagInfo: { status: 'Accepted' } };
        });
        resolve(client);
      }),
    );
    const http = await server.listen(0, '127.0.0.1');
    station = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}/CP1`, 'ocpp1.6');
    await once(station, 'open');
    connection = await connected;
  });

  afterEach(async () => {
    station.terminate();
    await server.close({ force: true });
  });

  const nextAnswer = async (): Promise<unknown[]> => {
    const [data] = (await once(station, 'message')) as [Buffer];
    return JSON.parse(data.toString('utf8')) as unknown[];
  };
  const send = (frame: unknown[]): void => station.send(JSON.stringify(frame));

  it("answers a call with its handler's result, checked against the schemas", async () => {
    const perCallEvents: string[] = [];
    for (const event of ['callResult', 'callError', 'response'])
      connection.on(event, () => perCallEvents.push(event));
    send([2, 'h1', 'Heartbeat', {}]);
    expect(await nextAnswer()).toEqual([3, 'h1', { currentTime: '2026-12-06T22:00:00.000Z' }]);
    expect(failures).toEqual([]);
    // ocpp-rpc's own path announces each answer; this one does without (nothing here listens).
    expect(perCallEvents).toEqual([]);
  });

  it('refuses an action without a handler, and a request that breaks its schema, and lives on', async () => {
    send([2, 'n1', 'DiagnosticsStatusNotification', { status: 'Idle' }]);
    expect(await nextAnswer()).toEqual([4, 'n1', 'NotImplemented', expect.any(String), {}]);
    send([2, 'v1', 'Heartbeat', { extra: 1 }]);
    expect(await nextAnswer()).toEqual([4, 'v1', 'FormatViolation', expect.any(String), expect.any(Object)]);
    expect(failures).toEqual([{ outbound: false, method: 'Heartbeat' }]);
    send([2, 'h2', 'Heartbeat', {}]);
    expect((await nextAnswer())[0]).toBe(3);
  });

  it('answers InternalError when our own answer breaks the schema', async () => {
    send([2, 's1', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }]);
    expect(await nextAnswer()).toEqual([4, 's1', 'InternalError', expect.any(String), {}]);
    expect(failures).toEqual([{ outbound: true, method: 'StatusNotification' }]);
  });

  it("passes an RPC error's code and message, and calls any other failure a GenericError", async () => {
    send([2, 'a1', 'Authorize', { idTag: 'rpc' }]);
    expect(await nextAnswer()).toEqual([4, 'a1', 'SecurityError', 'Not now', {}]);
    send([2, 'a2', 'Authorize', { idTag: 'plain' }]);
    expect(await nextAnswer()).toEqual([4, 'a2', 'GenericError', 'something broke', {}]);
  });

  it('refuses a second call with the id of one in progress, and still answers the first', async () => {
    send([2, 'd1', 'Authorize', { idTag: 'slow' }]);
    await slowCallStarted;
    send([2, 'd1', 'Heartbeat', {}]);
    expect(await nextAnswer()).toEqual([4, 'd1', 'RpcFrameworkError', expect.stringContaining('d1'), {}]);
    release();
    expect(await nextAnswer()).toEqual([3, 'd1', { idTagInfo: { status: 'Accepted' } }]);
  });

  it('is waited for by a graceful close', async () => {
    send([2, 'c1', 'Authorize', { idTag: 'slow' }]);
    await slowCallStarted;
    const closed = connection.close({ code: 1000, awaitPending: true });
    release();
    expect(await nextAnswer()).toEqual([3, 'c1', { idTagInfo: { status: 'Accepted' } }]);
    await closed;
  });
});
