import { RegistrationTokenDocument } from '@csms/organizations/registration-tokens/schemas/registration-token.schema';
import { getModelToken } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RPCClient } from 'ocpp-rpc';
import { SoapTestStation } from '../ocpp-soap/support/soap-test-station';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { basicAuth, upgradeStatus } from '../support/ocpp-station';
import { startTestApp, TestApp } from '../support/test-app';
import { createUserAndLogin, eventually } from '../support/users';
import { createCompany, createSite, createSiteArea } from './support/organizations';

const TENANT = 'tokens';
const PUBLIC_URL = 'https://csms.example.com';
const CREATE =
  'mutation($input: CreateRegistrationTokenInput!) { createRegistrationToken(input: $input) { id token status siteAreaId stationUrls { ocpp16Json ocpp201Json ocpp15Soap ocpp16Soap } } }';
const STATION = 'query($id: ID!) { chargingStation(id: $id) { id siteAreaId siteId hasPassword } }';

interface CreatedToken {
  id: string;
  token: string;
  status: string;
  siteAreaId: string | null;
  stationUrls: Record<string, string>;
}

/** A station of the registered-only tenant `tokens`, with extra query parameters on its URL. */
async function connect(server: TestApp, identity: string, query: Record<string, string>): Promise<RPCClient> {
  const client = new RPCClient({
    endpoint: `${server.wsUrl}/ocpp/${TENANT}`,
    identity,
    protocols: ['ocpp1.6'],
    strictMode: true,
    reconnect: false,
    query,
  } as never);
  await client.connect();
  return client;
}

describe('registration tokens: new stations register themselves into a site area', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let siteId: string;
  let areaId: string;
  let token: CreatedToken;
  const createToken = async (input: Record<string, unknown>): Promise<CreatedToken> =>
    (await admin.data<{ createRegistrationToken: CreatedToken }>(CREATE, { input })).createRegistrationToken;

  beforeAll(async () => {
    server = await startTestApp('registration-tokens', { PUBLIC_URL });
    const superAdmin = await loginAsAdmin(server.httpUrl);
    await superAdmin.data(
      `mutation { createTenant(input: { id: "${TENANT}", name: "Tokens", adminEmail: "boss@tokens.test", adminPassword: "Tokens-Pass-123" }) { id } }`,
    );
    admin = await superAdmin.login('boss@tokens.test', 'Tokens-Pass-123', TENANT);
    siteId = await createSite(admin, await createCompany(admin, 'Token Co'), 'Token Site');
    areaId = await createSiteArea(admin, siteId, 'Token Area');
    token = await createToken({ description: 'Installer batch 1', siteAreaId: areaId });
  });
  afterAll(() => server.close());

  it('is shown once, at creation, with the URL of every transport', async () => {
    expect(token.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token.status).toBe('ACTIVE');
    const query = `?token=${token.token}`;
    expect(token.stationUrls).toEqual({
      ocpp16Json: `wss://csms.example.com/ocpp/${TENANT}/{chargingStationId}${query}`,
      ocpp201Json: `wss://csms.example.com/ocpp/${TENANT}/{chargingStationId}${query}`,
      ocpp15Soap: `${PUBLIC_URL}/ocpp/soap/${TENANT}/1.5${query}`,
      ocpp16Soap: `${PUBLIC_URL}/ocpp/soap/${TENANT}/1.6${query}`,
    });
    const { registrationTokens } = await admin.data<{
      registrationTokens: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(
      '{ registrationTokens { totalCount edges { node { id description token stationUrls { ocpp16Json } siteArea { name } } } } }',
    );
    expect(registrationTokens.edges.map((edge) => edge.node)).toEqual([
      {
        id: token.id,
        description: 'Installer batch 1',
        token: null,
        stationUrls: null,
        siteArea: { name: 'Token Area' },
      },
    ]);
  });

  it('lets a new station of a REGISTERED tenant in (?token= on its URL) and places it in the area', async () => {
    expect(await upgradeStatus(server.wsUrl, `/ocpp/${TENANT}/CS-TOKEN-1`)).toBe(404);
    const station = await connect(server, 'CS-TOKEN-1', { token: token.token });
    const boot = (await station.call('BootNotification', {
      chargePointVendor: 'Volt',
      chargePointModel: 'T1',
    })) as { status: string };
    expect(boot.status).toBe('Accepted');
    await station.close();
    expect(await admin.data(STATION, { id: 'CS-TOKEN-1' })).toEqual({
      chargingStation: { id: 'CS-TOKEN-1', siteAreaId: areaId, siteId, hasPassword: false },
    });
    // Registered now: it comes back without the token.
    expect(await upgradeStatus(server.wsUrl, `/ocpp/${TENANT}/CS-TOKEN-1`)).toBe(101);
  });

  it('takes the token as Basic-auth password, which the station keeps as its password', async () => {
    const withToken = basicAuth('CS-TOKEN-2', token.token);
    expect(
      await upgradeStatus(server.wsUrl, `/ocpp/${TENANT}/CS-TOKEN-2`, { authorization: withToken }),
    ).toBe(101);
    expect(await admin.data(STATION, { id: 'CS-TOKEN-2' })).toEqual({
      chargingStation: { id: 'CS-TOKEN-2', siteAreaId: areaId, siteId, hasPassword: true },
    });
    expect(await upgradeStatus(server.wsUrl, `/ocpp/${TENANT}/CS-TOKEN-2`)).toBe(401);
    const wrong = basicAuth('CS-TOKEN-2', 'not-the-token');
    expect(await upgradeStatus(server.wsUrl, `/ocpp/${TENANT}/CS-TOKEN-2`, { authorization: wrong })).toBe(
      401,
    );
  });

  it('refuses unknown, revoked and expired tokens at the upgrade (401)', async () => {
    expect(await upgradeStatus(server.wsUrl, `/ocpp/${TENANT}/CS-BAD-1?token=nope`)).toBe(401);

    const revoked = await createToken({ siteAreaId: areaId });
    expect(await upgradeStatus(server.wsUrl, `/ocpp/${TENANT}/CS-BAD-2?token=${revoked.token}`)).toBe(101);
    const { revokeRegistrationToken } = await admin.data<{ revokeRegistrationToken: { status: string } }>(
      'mutation($id: ID!) { revokeRegistrationToken(id: $id) { status revokedAt } }',
      { id: revoked.id },
    );
    expect(revokeRegistrationToken.status).toBe('REVOKED');
    expect(await upgradeStatus(server.wsUrl, `/ocpp/${TENANT}/CS-BAD-3?token=${revoked.token}`)).toBe(401);

    const expiring = await createToken({});
    const tokens = server.app.get<Model<RegistrationTokenDocument>>(
      getModelToken(RegistrationTokenDocument.name),
    );
    await tokens.updateOne({ _id: expiring.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } }).exec();
    expect(await upgradeStatus(server.wsUrl, `/ocpp/${TENANT}/CS-BAD-4?token=${expiring.token}`)).toBe(401);
    const { registrationToken } = await admin.data<{ registrationToken: { status: string } }>(
      'query($id: ID!) { registrationToken(id: $id) { status } }',
      { id: expiring.id },
    );
    expect(registrationToken.status).toBe('EXPIRED');
    for (const refused of ['CS-BAD-1', 'CS-BAD-3', 'CS-BAD-4']) {
      expect(await admin.data(STATION, { id: refused })).toEqual({ chargingStation: null });
    }
  });

  it('lets a new OCPP-S station in with ?token= on the endpoint URL', async () => {
    const url = `${server.httpUrl}/ocpp/soap/${TENANT}/1.6`;
    const stranger = await SoapTestStation.start('1.6', url, 'CS-SOAP-NO');
    await expect(
      stranger.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }),
    ).rejects.toThrow(/not registered/);
    await stranger.close();
    const station = await SoapTestStation.start('1.6', `${url}?token=${token.token}`, 'CS-SOAP-1');
    try {
      const boot = await station.call<{ status: string }>('BootNotification', {
        chargePointVendor: 'V',
        chargePointModel: 'M',
      });
      expect(boot.status).toBe('Accepted');
    } finally {
      await station.close();
    }
    await eventually(
      () => admin.data<{ chargingStation: { siteAreaId: string } | null }>(STATION, { id: 'CS-SOAP-1' }),
      (data) => data.chargingStation?.siteAreaId === areaId,
    );
  });

  it('is updated, keeps its site area from being deleted while usable, and is for admins only', async () => {
    const { updateRegistrationToken } = await admin.data<{ updateRegistrationToken: unknown }>(
      'mutation($id: ID!) { updateRegistrationToken(input: { id: $id, description: "Batch 2", siteAreaId: null }) { description siteAreaId } }',
      { id: token.id },
    );
    expect(updateRegistrationToken).toEqual({ description: 'Batch 2', siteAreaId: null });
    const spare = await createSiteArea(admin, siteId, 'Spare');
    const pinned = await createToken({ siteAreaId: spare });
    const deleteArea = 'mutation($id: ID!) { deleteSiteArea(id: $id) }';
    expect(await admin.errorCode(deleteArea, { id: spare })).toBe('BAD_USER_INPUT');
    await admin.data('mutation($id: ID!) { revokeRegistrationToken(id: $id) { id } }', { id: pinned.id });
    expect(await admin.data(deleteArea, { id: spare })).toEqual({ deleteSiteArea: true });

    expect(
      await admin.errorCode(CREATE, { input: { expiresAt: new Date(Date.now() - 1000).toISOString() } }),
    ).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(CREATE, { input: { siteAreaId: 'nope' } })).toBe('BAD_USER_INPUT');

    const driver = await createUserAndLogin(admin, 'BASIC', TENANT);
    expect(await driver.client.errorCode('{ registrationTokens { totalCount } }')).toBe('FORBIDDEN');
    expect(await driver.client.errorCode(CREATE, { input: {} })).toBe('FORBIDDEN');
    // Another tenant's admin does not see them.
    const defaultAdmin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    expect(
      await defaultAdmin.errorCode('query($id: ID!) { registrationToken(id: $id) { id } }', { id: token.id }),
    ).toBe('NOT_FOUND');
    expect(await upgradeStatus(server.wsUrl, `/ocpp/default/CS-CROSS?token=${token.token}`)).toBe(401);
    expect(
      await admin.data('mutation($id: ID!) { deleteRegistrationToken(id: $id) }', { id: token.id }),
    ).toEqual({ deleteRegistrationToken: true });
  });
});
