import { RPCClient } from 'ocpp-rpc';
import { setTimeout as sleep } from 'node:timers/promises';
import { uniqueDatabaseUri } from '../setup/test-database';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { RedisServer } from '../support/redis-server';
import { ServerProcess } from '../support/server-process';
import { createTag, createUserAndLogin } from '../support/users';
import { reportScenario } from './support/reliability-report';

const STATION = 'CS-REDIS-OUTAGE';
const TAG = 'TAG-REDIS-OUTAGE';
/** Short, so instance A announces itself again soon after Redis comes back empty. */
const OWNERSHIP_TTL_MS = 3000;
const WAIT_MS = 120_000;

const RESET = `mutation { reset(chargingStationId: "${STATION}", type: SOFT) { status } }`;

/**
 * Two instances share one database and one Redis: the station is connected to A, the operator's
 * command goes to B, which routes it through Redis. Redis is stopped, then started again empty (no
 * persistence, as a restarted cache is).
 */
describe('faults: a Redis outage between two instances', () => {
  let redis: RedisServer;
  let a: ServerProcess;
  let b: ServerProcess;
  let viaB: GraphQLClient;
  let station: RPCClient;
  const resets: unknown[] = [];
  let transactionId: number;
  const figures = {
    refusedInMs: 0,
    meterValuesDuringOutage: 0,
    routedAgainAfterMs: 0,
    refusalsAfter: {} as Record<string, number>,
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
    const env = {
      MONGODB_URI: uniqueDatabaseUri('redis_outage'),
      REDIS_URL: redis.url,
      CLUSTER_OWNERSHIP_TTL_MS: String(OWNERSHIP_TTL_MS),
    };
    // One after the other: both would seed the first admin into the same database.
    a = await ServerProcess.start({ env });
    b = await ServerProcess.start({ env: { ...env, SERVER_ROLES: 'api' } });
    viaB = (await createUserAndLogin(await loginAsAdmin(b.httpUrl), 'ADMIN')).client;
    await createTag(viaB, { id: TAG });
    station = await connectStation(a.wsUrl, STATION);
    station.handle('Reset', async ({ params }) => {
      resets.push(params);
      return { status: 'Accepted' };
    });
    await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
  }, WAIT_MS);

  afterAll(async () => {
    await station?.close({ force: true }).catch(() => undefined);
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('routes a command through instance B to the station on instance A before the outage', async () => {
    expect(await viaB.data(RESET)).toEqual({ reset: { status: 'Accepted' } });
    expect(resets).toHaveLength(1);
    const started = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag: TAG,
      meterStart: 1000,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number };
    transactionId = started.transactionId;
  });

  it(
    'answers SERVICE_UNAVAILABLE for it while Redis is down, and the station charges on through A',
    async () => {
      await redis.stop();
      const asked = Date.now();
      const result = await viaB.request(RESET);
      figures.refusedInMs = Date.now() - asked;
      expect(result.errors?.[0]).toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE' },
        message: expect.stringMatching(/cluster's Redis/),
      });
      expect(resets).toHaveLength(1);
      // Without Redis, A still serves its station: the transaction goes on (events stay on A).
      await expect(
        station.call('MeterValues', {
          connectorId: 1,
          transactionId,
          meterValue: [
            {
              timestamp: new Date().toISOString(),
              sampledValue: [{ value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
            },
          ],
        }),
      ).resolves.toEqual({});
      figures.meterValuesDuringOutage += 1;
      expect(a.alive && b.alive).toBe(true);
    },
    WAIT_MS,
  );

  it(
    'routes it again once Redis is back, empty, without restarting either instance',
    async () => {
      redis = await RedisServer.start(redis.port);
      const backAt = Date.now();
      for (;;) {
        const result = await viaB.request<{ reset: { status: string } }>(RESET);
        if (result.data?.reset.status === 'Accepted') break;
        // Until A has announced itself again: STATION_OFFLINE (no owner yet) or SERVICE_UNAVAILABLE.
        const code = String(result.errors?.[0]?.extensions?.code);
        expect(['STATION_OFFLINE', 'SERVICE_UNAVAILABLE']).toContain(code);
        figures.refusalsAfter[code] = (figures.refusalsAfter[code] ?? 0) + 1;
        if (Date.now() - backAt > WAIT_MS) throw new Error('Commands are not routed again');
        await sleep(250);
      }
      figures.routedAgainAfterMs = Date.now() - backAt;
      expect(resets).toHaveLength(2);
    },
    WAIT_MS,
  );

  afterAll(async () => {
    if (!figures.routedAgainAfterMs) return;
    await reportScenario({
      id: 'redis-outage',
      title: 'Redis outage between two instances',
      description:
        'Two server processes share the database and one Redis; a station is connected to instance A, and ' +
        'an operator sends Reset through instance B, which finds the owner and routes the command through ' +
        'Redis. Redis is stopped, then started again on the same port, empty (no persistence). ' +
        '(`test/faults/redis-outage.e2e-spec.ts`)',
      figures: [
        ['Reset through B before the outage', 'Accepted (station reached)'],
        ['Reset through B during the outage', `SERVICE_UNAVAILABLE, in ${figures.refusedInMs} ms`],
        ['MeterValues acknowledged by A during the outage', figures.meterValuesDuringOutage],
        [
          'Reset through B routed again after Redis came back (s)',
          (figures.routedAgainAfterMs / 1000).toFixed(1),
        ],
        ['Refusals meanwhile (A announcing itself again)', JSON.stringify(figures.refusalsAfter)],
        ['Instance restarts', 0],
      ],
    });
  });
});
