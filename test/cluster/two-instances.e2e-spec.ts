import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { RPCClient } from 'ocpp-rpc';
import { findFreePort } from '../../libs/database/src/embedded';
import { uniqueDatabaseUri } from '../setup/test-database';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation, upgradeStatus } from '../support/ocpp-station';
import { RedisServer } from '../support/redis-server';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { ADMIN } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';

const ROOT = path.resolve(__dirname, '../..');
/** Short so the crash case stays quick; the production default is 15 s. */
const OWNERSHIP_TTL_MS = 3000;
const STATION = 'CS-CLUSTER';

/** One real server process of the app (module-level state is not shared, as between real instances). */
class ServerProcess {
  private stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)),
    );
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const port = await findFreePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/csms/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          HOST: '127.0.0.1',
          PORT: String(port),
          LOG_LEVEL: 'warn',
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          AUTH_RATE_LIMIT_PER_MINUTE: '10000',
          AUTH_IP_RATE_LIMIT_PER_MINUTE: '10000',
          CLUSTER_OWNERSHIP_TTL_MS: String(OWNERSHIP_TTL_MS),
          ...env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const server = new ServerProcess(child, port);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}: ${server.stderr}`);
      const status = await fetch(`${server.httpUrl}/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return server;
      if (Date.now() > deadline) throw new Error(`No healthy server within 60 s: ${server.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await exited;
  }
}

describe('cluster: two server processes sharing one database and Redis', () => {
  let redis: RedisServer;
  /** Holds the OCPP connection. */
  let ocppInstance: ServerProcess;
  /** SERVER_ROLES=api: GraphQL only, no OCPP edge. */
  let apiInstance: ServerProcess;
  let admin: GraphQLClient;
  let station: RPCClient;
  const resets: unknown[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
    const shared = { MONGODB_URI: uniqueDatabaseUri('two_instances'), REDIS_URL: redis.url };
    // One after the other: both would seed the first admin into the same database.
    ocppInstance = await ServerProcess.start(shared);
    apiInstance = await ServerProcess.start({ ...shared, SERVER_ROLES: 'api' });
    admin = (await createUserAndLogin(await loginAsAdmin(apiInstance.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: 'TAG-CLUSTER' });
    station = await connectStation(ocppInstance.wsUrl, STATION);
    station.handle('Reset', async ({ params }) => {
      resets.push(params);
      return { status: 'Accepted' };
    });
    await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    // Two ts-node servers start one after the other; on a loaded 2-core machine each may take ~40 s.
  }, 150_000);

  afterAll(async () => {
    await station?.close({ force: true }).catch(() => undefined);
    await Promise.all([ocppInstance?.stop('SIGKILL'), apiInstance?.stop()]);
    await redis?.stop();
  });

  it('an instance without the ocpp role refuses OCPP upgrades and still serves GraphQL', async () => {
    expect(await upgradeStatus(apiInstance.wsUrl, `/ocpp/default/${STATION}`)).toBe(404);
    expect(await upgradeStatus(ocppInstance.wsUrl, '/ocpp/default/CS-PROBE')).toBe(101);
    expect((await admin.data<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('ADMIN');
  });

  it('a command sent to the API instance reaches the station on the OCPP instance and its answer comes back', async () => {
    const { reset } = await admin.data<{ reset: { status: string } }>(
      `mutation { reset(chargingStationId: "${STATION}", type: SOFT) { status } }`,
    );
    expect(resets).toEqual([{ type: 'Soft' }]);
    expect(reset).toEqual({ status: 'Accepted' });
  });

  it('a subscriber on the API instance receives the curve point the station sends to the OCPP instance', async () => {
    const started = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag: 'TAG-CLUSTER',
      meterStart: 1000,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number };
    const { transactions } = await admin.data<{ transactions: { edges: { node: { id: string } }[] } }>(
      `{ transactions(filter: { chargingStationId: "${STATION}" }) { edges { node { id } } } }`,
    );
    expect(transactions.edges).toHaveLength(1);
    const curve = subscribe<{ consumptionAdded: { cumulatedWh: number; instantWatts: number } }>(
      graphqlWsClient(apiInstance.wsUrl, admin.bearer),
      'subscription($id: ID!) { consumptionAdded(transactionId: $id) { cumulatedWh instantWatts } }',
      { id: transactions.edges[0].node.id },
    );
    try {
      // The subscription is registered asynchronously after the socket opens.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await station.call('MeterValues', {
        connectorId: 1,
        transactionId: started.transactionId,
        meterValue: [
          {
            timestamp: new Date().toISOString(),
            sampledValue: [
              { value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
              { value: '11000', measurand: 'Power.Active.Import', unit: 'W' },
            ],
          },
        ],
      });
      expect((await curve.next(5000)).consumptionAdded).toEqual({ cumulatedWh: 500, instantWatts: 11_000 });
    } finally {
      await curve.close();
    }
  });

  it('when the OCPP instance is killed, the station is seen offline and commands answer STATION_OFFLINE', async () => {
    const online = async () =>
      (
        await admin.data<{ chargingStation: { online: boolean } }>(
          `{ chargingStation(id: "${STATION}") { online } }`,
        )
      ).chargingStation.online;
    expect(await online()).toBe(true);
    const killedAt = Date.now();
    await ocppInstance.stop('SIGKILL');

    await eventually(online, (value) => !value, OWNERSHIP_TTL_MS * 3);
    const seenOfflineAfterMs = Date.now() - killedAt;
    expect(seenOfflineAfterMs).toBeLessThan(OWNERSHIP_TTL_MS * 2);
    expect(
      await admin.errorCode(`mutation { reset(chargingStationId: "${STATION}", type: HARD) { status } }`),
    ).toBe('STATION_OFFLINE');
  });
});
