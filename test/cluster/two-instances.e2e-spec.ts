import { RPCClient } from 'ocpp-rpc';
import { uniqueDatabaseUri } from '../setup/test-database';
import { createApiKey, revokeApiKey, whoami } from '../support/api-keys';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation, upgradeStatus } from '../support/ocpp-station';
import { RedisServer } from '../support/redis-server';
import { ServerProcess } from '../support/server-process';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { createTag, createUserAndLogin, eventually } from '../support/users';

/** Short so the crash case stays quick; the production default is 15 s. */
const OWNERSHIP_TTL_MS = 3000;
const STATION = 'CS-CLUSTER';

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
    const shared = {
      MONGODB_URI: uniqueDatabaseUri('two_instances'),
      REDIS_URL: redis.url,
      CLUSTER_OWNERSHIP_TTL_MS: String(OWNERSHIP_TTL_MS),
      // Everything logged, request logs included, for the search for API key secrets.
      LOG_LEVEL: 'debug',
    };
    // One after the other: both would seed the first admin into the same database.
    ocppInstance = await ServerProcess.start({ env: shared, keptLines: Infinity });
    apiInstance = await ServerProcess.start({
      env: { ...shared, SERVER_ROLES: 'api' },
      keptLines: Infinity,
    });
    admin = (await createUserAndLogin(await loginAsAdmin(apiInstance.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: 'TAG-CLUSTER' });
    station = await connectStation(ocppInstance.wsUrl, STATION);
    station.handle('Reset', async ({ params }) => {
      resets.push(params);
      return { status: 'Accepted' };
    });
    await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    // Two ts-node servers start one after the other; on a loaded 2-core machine each may take ~40 s,
    // and far longer on a machine shared with other test runs.
  }, 400_000);

  afterAll(async () => {
    await station?.close({ force: true }).catch(() => undefined);
    await Promise.all([ocppInstance?.kill('SIGKILL'), apiInstance?.stop()]);
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

  /** Every secret the suite makes, for the search through both instances' logs. */
  const secrets: string[] = [];

  it('an API key revoked on one instance is refused at once on the other, on HTTP and on its open graphql-ws connection', async () => {
    const key = await createApiKey(admin, { name: 'Cluster robot', role: 'ADMIN' });
    secrets.push(key.secret);
    const onOcpp = new GraphQLClient(ocppInstance.httpUrl, key.secret);
    await expect(onOcpp.data('{ currentTenant { id } }')).resolves.toBeDefined();
    const live = subscribe<{ userCreated: { email: string } }>(
      graphqlWsClient(ocppInstance.wsUrl, `Bearer ${key.secret}`),
      'subscription { userCreated { email } }',
    );
    // Subscribed once a user created on the API instance reaches it on the OCPP instance.
    await eventually(
      async () => {
        await createUserAndLogin(admin, 'BASIC');
        return live.next(1000).then(
          () => true,
          () => false,
        );
      },
      Boolean,
      15_000,
    );

    await revokeApiKey(admin, key.id);

    expect(await onOcpp.errorCode('{ currentTenant { id } }')).toBe('UNAUTHENTICATED');
    expect((await whoami(ocppInstance.httpUrl, key.secret)).status).toBe(401);
    await expect(live.next(5000)).rejects.toThrow(/Socket closed 4403/);
    await live.close();
  });

  it("an API key's rate limit is one budget across the instances", async () => {
    const key = await createApiKey(admin, { role: 'ADMIN', rateLimitPerMinute: 3 });
    secrets.push(key.secret);
    const [onApi, onOcpp] = [apiInstance, ocppInstance].map((i) => new GraphQLClient(i.httpUrl, key.secret));
    for (const client of [onApi, onOcpp, onApi]) await client.data('{ currentTenant { id } }');
    const refused = await onOcpp.request('{ currentTenant { id } }');
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: expect.any(Number),
    });
  });

  it('a reset sent with a key to the API instance is audited there, linked to the CALL the OCPP instance sent', async () => {
    const key = await createApiKey(admin, { name: 'Remote ops', role: 'ADMIN' });
    secrets.push(key.secret);
    await new GraphQLClient(apiInstance.httpUrl, key.secret).data(
      `mutation { reset(chargingStationId: "${STATION}", type: HARD) { status } }`,
    );
    const { auditLog } = await admin.data<{
      auditLog: { edges: { node: { targetId: string; ocppCalls: { messageId: string }[] } }[] };
    }>(
      `{ auditLog(actorId: "${key.id}", action: "reset") { edges { node { targetId ocppCalls { messageId } } } } }`,
    );
    expect(auditLog.edges).toHaveLength(1);
    const [{ node }] = auditLog.edges;
    expect(node.targetId).toBe(STATION);
    expect(node.ocppCalls).toHaveLength(1);
    const found = await eventually(
      () =>
        admin.data<{ ocppMessages: { edges: { node: { action: string } }[] } }>(
          `{ ocppMessages(messageId: "${node.ocppCalls[0].messageId}") { edges { node { action } } } }`,
        ),
      (page) => page.ocppMessages.edges.length === 1,
    );
    expect(found.ocppMessages.edges[0].node.action).toBe('Reset');
  });

  it("no API key secret shows up in either instance's logs", async () => {
    for (const secret of secrets) {
      expect((await whoami(apiInstance.httpUrl, secret)).status).toBeGreaterThanOrEqual(200);
    }
    expect(secrets).toHaveLength(3);
    for (const instance of [apiInstance, ocppInstance]) {
      const output = instance.output.join('\n');
      // The logs are there, with the requests the keys made (authorization redacted)…
      expect(output).toContain('"authorization":"[Redacted]"');
      // …and without a single secret, nor its random part alone.
      for (const secret of secrets) {
        expect(output).not.toContain(secret);
        expect(output).not.toContain(secret.slice('vg_live_default_'.length));
      }
    }
    expect(apiInstance.output.join('\n')).toContain('/auth/whoami');
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
    await ocppInstance.kill('SIGKILL');

    await eventually(online, (value) => !value, OWNERSHIP_TTL_MS * 3);
    const seenOfflineAfterMs = Date.now() - killedAt;
    expect(seenOfflineAfterMs).toBeLessThan(OWNERSHIP_TTL_MS * 2);
    expect(
      await admin.errorCode(`mutation { reset(chargingStationId: "${STATION}", type: HARD) { status } }`),
    ).toBe('STATION_OFFLINE');
  });
});
