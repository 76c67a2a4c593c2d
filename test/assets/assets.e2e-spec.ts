import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { Subscription, graphqlWsClient, subscribe } from '../support/subscriptions';
import { TestApp, startTestApp } from '../support/test-app';
import { createUserAndLogin, eventually } from '../support/users';
import { API_KEY, CLIENT_ID, CLIENT_SECRET, MeterServer, startMeterServer } from './support/meter-server';

const ASSET_FIELDS = `id name type siteAreaId staticValueWatts dynamic stale apiKeyPrefix
  lastReading { timestamp watts wattsL1 wattsL2 wattsL3 stateOfCharge }`;

interface AssetNode {
  id: string;
  stale: boolean;
  lastReading: {
    timestamp: string;
    watts: number;
    wattsL1: number | null;
    stateOfCharge: number | null;
  } | null;
}

describe('assets: readings pushed over GraphQL and HTTP, pulled from a meter, stale data', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let meter: MeterServer;
  let areaId: string;
  let building: { id: string; apiKey: string };

  const push = (assetId: string, key: string, body: unknown): Promise<Response> =>
    fetch(`${server.httpUrl}/assets/default/${assetId}/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
  const asset = async (id: string): Promise<AssetNode> =>
    (await admin.data<{ asset: AssetNode }>(`query($id: ID!) { asset(id: $id) { ${ASSET_FIELDS} } }`, { id }))
      .asset;

  beforeAll(async () => {
    server = await startTestApp('assets', { ASSET_STALE_AFTER_SECONDS: '30' });
    meter = await startMeterServer();
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    const { createCompany } = await admin.data<{ createCompany: { id: string } }>(
      'mutation { createCompany(input: { name: "Assets Inc" }) { id } }',
    );
    const { createSite } = await admin.data<{ createSite: { id: string } }>(
      'mutation($c: ID!) { createSite(input: { name: "Plant", companyId: $c }) { id } }',
      { c: createCompany.id },
    );
    const { createSiteArea } = await admin.data<{ createSiteArea: { id: string } }>(
      'mutation($s: ID!) { createSiteArea(input: { name: "Hall", siteId: $s, maximumCurrentAmps: 63 }) { id } }',
      { s: createSite.id },
    );
    areaId = createSiteArea.id;
    const created = await admin.data<{
      createAsset: { asset: { id: string; dynamic: boolean }; apiKey: string };
    }>(
      `mutation($a: ID!) { createAsset(input: { name: "Offices", type: BUILDING, siteAreaId: $a, staticValueWatts: 5000,
        dynamic: true, fluctuationPercent: 10, variationThresholdPercent: 5 }) { asset { id dynamic } apiKey } }`,
      { a: areaId },
    );
    building = { id: created.createAsset.asset.id, apiKey: created.createAsset.apiKey };
  });

  afterAll(async () => {
    await meter?.close();
    await server?.close();
  });

  it('takes readings pushed with the asset key and refuses a wrong key or a bad body', async () => {
    expect(building.apiKey).toMatch(/^vga_/);
    expect((await push(building.id, 'vga_wrong', { watts: 100 })).status).toBe(401);
    expect((await push('no-such-asset', building.apiKey, { watts: 100 })).status).toBe(401);
    expect((await push(building.id, building.apiKey, { watts: 'lots' })).status).toBe(400);
    const unbalanced = await push(building.id, building.apiKey, {
      watts: 9000,
      wattsL1: 1000,
      wattsL2: 1000,
      wattsL3: 1000,
    });
    expect(unbalanced.status).toBe(400);
    expect(((await unbalanced.json()) as { message: string }).message).toContain('must add up to watts');

    const stored = await push(building.id, building.apiKey, {
      watts: 6000,
      wattsL1: 2500,
      wattsL2: 2000,
      wattsL3: 1500,
    });
    expect(stored.status).toBe(201);
    expect(await stored.json()).toMatchObject({ assetId: building.id, watts: 6000, wattsL1: 2500 });
    const after = await asset(building.id);
    expect(after.lastReading).toMatchObject({ watts: 6000, wattsL1: 2500 });
    expect(after.stale).toBe(false);
  });

  it('validates GraphQL pushes, keeps the latest reading and the curve in order, and streams new readings', async () => {
    const live: Subscription<{ assetReadingAdded: { watts: number } }> = subscribe(
      graphqlWsClient(server.wsUrl, admin.bearer),
      'subscription($id: ID) { assetReadingAdded(assetId: $id) { watts } }',
      { id: building.id },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const PUSH =
      'mutation($id: ID!, $r: AssetReadingInput!) { pushAssetReading(assetId: $id, reading: $r) { watts timestamp } }';
    expect(await admin.errorCode(PUSH, { id: building.id, r: { watts: 100, stateOfCharge: 50 } })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await admin.errorCode(PUSH, { id: building.id, r: { watts: 1e12 } })).toBe('BAD_USER_INPUT');
    const later = new Date(Date.now() + 60 * 60_000).toISOString();
    expect(await admin.errorCode(PUSH, { id: building.id, r: { watts: 100, timestamp: later } })).toBe(
      'BAD_USER_INPUT',
    );
    await admin.data(PUSH, { id: building.id, r: { watts: 7000 } });
    expect((await live.next()).assetReadingAdded.watts).toBe(7000);
    // An older reading joins the curve but does not replace the latest one.
    const older = new Date(Date.now() - 5_000).toISOString();
    await admin.data(PUSH, { id: building.id, r: { watts: 1234, timestamp: older } });
    expect((await asset(building.id)).lastReading?.watts).toBe(7000);
    const { asset: withCurve } = await admin.data<{
      asset: { readings: { watts: number; timestamp: string }[] };
    }>('query($id: ID!) { asset(id: $id) { readings(limit: 10) { watts timestamp } } }', { id: building.id });
    expect(withCurve.readings.map((reading) => reading.watts)).toEqual([1234, 6000, 7000]);
    await live.close();
  });

  it('counts a measured asset at its static value once its data is stale', async () => {
    const old = new Date(Date.now() - 120_000).toISOString();
    const battery = await admin.data<{ createAsset: { asset: { id: string } } }>(
      `mutation($a: ID!) { createAsset(input: { name: "Storage", type: BATTERY, siteAreaId: $a, staticValueWatts: 0,
        dynamic: true }) { asset { id } } }`,
      { a: areaId },
    );
    const id = battery.createAsset.asset.id;
    expect((await asset(id)).stale).toBe(true);
    await admin.data(
      'mutation($id: ID!, $r: AssetReadingInput!) { pushAssetReading(assetId: $id, reading: $r) { watts } }',
      {
        id,
        r: { watts: -3000, stateOfCharge: 64, timestamp: old },
      },
    );
    expect(await asset(id)).toMatchObject({ stale: true, lastReading: { watts: -3000, stateOfCharge: 64 } });
    await admin.data(
      'mutation($id: ID!, $r: AssetReadingInput!) { pushAssetReading(assetId: $id, reading: $r) { watts } }',
      {
        id,
        r: { watts: -2500, stateOfCharge: 63 },
      },
    );
    expect((await asset(id)).stale).toBe(false);
  });

  it('pulls readings from an HTTP/JSON meter with OAuth2 client credentials, secrets sealed at rest', async () => {
    meter.reading = {
      data: { total_kw: '4.2', at: Math.floor(Date.now() / 1000) },
      phases: [{ kw: 1.4 }, { kw: 1.5 }, { kw: 1.3 }],
    };
    const { createAsset } = await admin.data<{
      createAsset: { asset: { id: string; connector: Record<string, unknown> } };
    }>(
      `mutation($a: ID!, $c: AssetConnectorInput!) { createAsset(input: { name: "Meter", type: OTHER, siteAreaId: $a,
        staticValueWatts: 1000, connector: $c }) { asset { id dynamic connector { url auth clientId tokenUrl
        refreshIntervalSeconds mapping { watts wattsL2 timestamp } } } } }`,
      {
        a: areaId,
        c: {
          url: `${meter.url}/meter`,
          auth: 'OAUTH2_CLIENT_CREDENTIALS',
          tokenUrl: `${meter.url}/oauth/token`,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          powerFactor: 1000,
          refreshIntervalSeconds: 5,
          mapping: {
            watts: 'data.total_kw',
            wattsL1: 'phases[0].kw',
            wattsL2: 'phases[1].kw',
            wattsL3: 'phases[2].kw',
            timestamp: 'data.at',
          },
        },
      },
    );
    expect(JSON.stringify(createAsset.asset.connector)).not.toContain(CLIENT_SECRET);
    const id = createAsset.asset.id;
    const pulled = await eventually(
      () => asset(id),
      (node) => node.lastReading !== null,
      15_000,
    );
    expect(pulled.lastReading).toMatchObject({ watts: 4200, wattsL1: 1400 });
    expect(meter.tokensIssued).toBe(1);

    meter.reading = {
      data: { total_kw: 5, at: Math.floor(Date.now() / 1000) + 1 },
      phases: [{ kw: 2 }, { kw: 2 }, { kw: 1 }],
    };
    const { pullAssetReading } = await admin.data<{ pullAssetReading: { watts: number } }>(
      'mutation($id: ID!) { pullAssetReading(assetId: $id) { watts } }',
      { id },
    );
    expect(pullAssetReading.watts).toBe(5000);
    expect(meter.tokensIssued).toBe(1);

    const connection = server.app.get<Connection>(getConnectionToken());
    const stored = await connection.collection('assets').findOne({ _id: id as never });
    const sealed = (stored?.connector as { clientSecretSealed?: string }).clientSecretSealed;
    expect(sealed).toMatch(/^v1:/);
    expect(JSON.stringify(stored)).not.toContain(CLIENT_SECRET);
  });

  it('pulls with an API key header, and records why a pull failed', async () => {
    meter.reading = { power: 800 };
    const { createAsset } = await admin.data<{ createAsset: { asset: { id: string } } }>(
      `mutation($a: ID!, $c: AssetConnectorInput!) { createAsset(input: { name: "Pump", type: OTHER, siteAreaId: $a,
        staticValueWatts: 0, connector: $c }) { asset { id } } }`,
      {
        a: areaId,
        c: {
          url: `${meter.url}/keyed-meter`,
          auth: 'API_KEY',
          apiKeyHeader: 'X-Meter-Key',
          apiKey: API_KEY,
          mapping: { watts: 'power' },
        },
      },
    );
    const id = createAsset.asset.id;
    const { pullAssetReading } = await admin.data<{ pullAssetReading: { watts: number } }>(
      'mutation($id: ID!) { pullAssetReading(assetId: $id) { watts } }',
      { id },
    );
    expect(pullAssetReading.watts).toBe(800);
    meter.reading = { power: 'unknown' };
    expect(
      await admin.errorCode('mutation($id: ID!) { pullAssetReading(assetId: $id) { watts } }', { id }),
    ).toBe('BAD_USER_INPUT');
    const { asset: failed } = await admin.data<{ asset: { connector: { lastPullError: string | null } } }>(
      'query($id: ID!) { asset(id: $id) { connector { lastPullError } } }',
      { id },
    );
    expect(failed.connector.lastPullError).toContain('No number at "power"');
  });

  it('lets a new key replace the old one, and keeps assets from who may not see them', async () => {
    const { rotateAssetApiKey } = await admin.data<{ rotateAssetApiKey: { apiKey: string } }>(
      'mutation($id: ID!) { rotateAssetApiKey(id: $id) { apiKey } }',
      { id: building.id },
    );
    expect((await push(building.id, building.apiKey, { watts: 10 })).status).toBe(401);
    expect((await push(building.id, rotateAssetApiKey.apiKey, { watts: 10 })).status).toBe(201);
    const basic = await createUserAndLogin(admin, 'BASIC');
    expect(await basic.client.errorCode('{ assets { id } }')).toBe('FORBIDDEN');
    const { assets } = await admin.data<{ assets: { name: string }[] }>(
      'query($a: ID) { assets(siteAreaId: $a) { name } }',
      {
        a: areaId,
      },
    );
    expect(assets.map((item) => item.name)).toEqual(['Meter', 'Offices', 'Pump', 'Storage']);
  });
});
