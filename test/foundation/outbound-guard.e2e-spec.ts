import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { createCompany, createSite, createSiteArea } from '../organizations/support/organizations';
import { IDENTITY } from '../roaming/support/roaming-fixture';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { TestApp, startTestApp } from '../support/test-app';
import { createUserAndLogin } from '../support/users';
import {
  API_KEY,
  CLIENT_ID,
  CLIENT_SECRET,
  MeterServer,
  startMeterServer,
} from '../assets/support/meter-server';

/**
 * A tenant admin sets an asset's meter URL or a roaming partner's versions URL; the CSMS fetches
 * it. With no network allowed (the production default), a URL on the CSMS's own host is refused
 * before any request reaches it, whether written as an address or as a name, and the reason is kept.
 */
describe('outbound calls: a tenant-configured URL on the host itself is refused', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let meter: MeterServer;
  let areaId: string;

  beforeAll(async () => {
    server = await startTestApp('outbound-guard', { OUTBOUND_ALLOWED_NETWORKS: '' });
    meter = await startMeterServer();
    meter.reading = { power: 800 };
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    const companyId = await createCompany(admin, 'Guarded Inc');
    areaId = await createSiteArea(admin, await createSite(admin, companyId, 'Plant'), 'Hall');
  });

  afterAll(async () => {
    await meter?.close();
    await server?.close();
  });

  async function assetPulling(name: string, connector: Record<string, unknown>): Promise<string> {
    const { createAsset } = await admin.data<{ createAsset: { asset: { id: string } } }>(
      `mutation($a: ID!, $c: AssetConnectorInput!) { createAsset(input: { name: ${JSON.stringify(name)},
        type: OTHER, siteAreaId: $a, staticValueWatts: 0, connector: $c }) { asset { id } } }`,
      { a: areaId, c: { mapping: { watts: 'power' }, ...connector } },
    );
    return createAsset.asset.id;
  }

  async function pullFailure(
    id: string,
  ): Promise<{ code: string | undefined; lastPullError: string | null }> {
    const code = await admin.errorCode('mutation($id: ID!) { pullAssetReading(assetId: $id) { watts } }', {
      id,
    });
    const { asset } = await admin.data<{ asset: { connector: { lastPullError: string | null } } }>(
      'query($id: ID!) { asset(id: $id) { connector { lastPullError } } }',
      { id },
    );
    return { code, lastPullError: asset.connector.lastPullError };
  }

  it('refuses a meter at a loopback address, and one named localhost, as bad input', async () => {
    const byAddress = await assetPulling('By address', {
      url: `${meter.url}/keyed-meter`,
      auth: 'API_KEY',
      apiKeyHeader: 'X-Meter-Key',
      apiKey: API_KEY,
    });
    const byName = await assetPulling('By name', {
      url: `${meter.url.replace('127.0.0.1', 'localhost')}/keyed-meter`,
      auth: 'API_KEY',
      apiKeyHeader: 'X-Meter-Key',
      apiKey: API_KEY,
    });

    expect(await pullFailure(byAddress)).toEqual({
      code: 'BAD_USER_INPUT',
      lastPullError: expect.stringMatching(/^Outbound call to 127\.0\.0\.1 refused: not a public address/),
    });
    expect(await pullFailure(byName)).toEqual({
      code: 'BAD_USER_INPUT',
      lastPullError: expect.stringMatching(/^Outbound call to localhost refused/),
    });
    expect(meter.meterCalls).toBe(0);
  });

  it('refuses an OAuth2 token endpoint there too, so no credentials are sent', async () => {
    const id = await assetPulling('With a token', {
      url: `${meter.url}/meter`,
      auth: 'OAUTH2_CLIENT_CREDENTIALS',
      tokenUrl: `${meter.url}/oauth/token`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });

    expect((await pullFailure(id)).lastPullError).toMatch(/^Outbound call to 127\.0\.0\.1 refused/);
    expect(meter.tokensIssued).toBe(0);
  });

  it('refuses an OCPI partner whose versions endpoint is on the host: token A never leaves', async () => {
    const requests: string[] = [];
    const peer = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('{}');
    });
    await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
    try {
      await admin.data(
        'mutation($input: SetOcpiIdentityInput!) { setOcpiIdentity(input: $input) { countryCode } }',
        { input: IDENTITY },
      );
      const { port } = peer.address() as AddressInfo;
      const refused = await admin.request<{ createOcpiPartner: unknown }>(
        'mutation($input: CreateOcpiPartnerInput!) { createOcpiPartner(input: $input) { tokenA } }',
        {
          input: {
            name: 'Inside',
            role: 'EMSP',
            versionsUrl: `http://127.0.0.1:${port}/ocpi/versions`,
            tokenA: 'token-a-of-inside',
          },
        },
      );
      const error = refused.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      const { ocpiPartner } = await admin.data<{ ocpiPartner: { status: string; lastError: string } }>(
        'query($id: ID!) { ocpiPartner(id: $id) { status lastError } }',
        { id: error?.extensions?.partnerId },
      );
      expect(ocpiPartner).toEqual({
        status: 'FAILED',
        lastError: expect.stringMatching(/Outbound call to 127\.0\.0\.1 refused: not a public address/),
      });
      expect(requests).toEqual([]);
    } finally {
      await new Promise((resolve) => peer.close(resolve));
    }
  });
});
