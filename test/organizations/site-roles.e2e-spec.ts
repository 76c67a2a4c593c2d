import { DEFAULT_TENANT_ID } from '@csms/common';
import { TransactionInbound } from '@csms/transactions';
import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, TestUser } from '../support/users';
import {
  createCompany,
  createSite,
  createSiteArea,
  createStationIn,
  listedStations,
} from './support/organizations';

const RESET = 'mutation($id: ID!) { reset(chargingStationId: $id, type: SOFT) { status } }';
const STATION = 'query($id: ID!) { chargingStation(id: $id) { id } }';
const STOP = 'mutation($id: ID!) { remoteStopTransaction(transactionId: $id) { status } }';
const UPDATE_AREA = 'mutation($id: ID!) { updateSiteArea(input: { id: $id, name: "Renamed" }) { name } }';

/**
 * Site S1 (admin: siteAdmin) holds CS-S1, site S2 (owner: siteOwner) holds CS-S2, CS-FREE stands
 * nowhere; S3 is public. One session runs on CS-S1 and one on CS-S2.
 */
describe('site admins and site owners', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let siteAdmin: TestUser;
  let siteOwner: TestUser;
  let driver: TestUser;
  let sites: Record<'s1' | 's2' | 's3', string>;
  let areas: Record<'a1' | 'a1b' | 'a2', string>;
  let sessions: Record<'s1' | 's2', string>;
  let stations: RPCClient[];

  const sessionsOf = async (client: GraphQLClient): Promise<string[]> => {
    const { transactions } = await client.data<{
      transactions: { edges: { node: { chargingStationId: string } }[] };
    }>('{ transactions(first: 50) { edges { node { chargingStationId } } } }');
    return transactions.edges.map((edge) => edge.node.chargingStationId).sort();
  };
  const siteNames = async (client: GraphQLClient): Promise<string[]> => {
    const { sites: page } = await client.data<{ sites: { edges: { node: { name: string } }[] } }>(
      '{ sites { edges { node { name } } } }',
    );
    return page.edges.map((edge) => edge.node.name);
  };

  beforeAll(async () => {
    server = await startTestApp('site-roles');
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    [siteAdmin, siteOwner, driver] = await Promise.all([
      createUserAndLogin(admin, 'BASIC'),
      createUserAndLogin(admin, 'BASIC'),
      createUserAndLogin(admin, 'BASIC'),
    ]);
    const company = await createCompany(admin, 'Roles Co');
    sites = {
      s1: await createSite(admin, company, 'S1'),
      s2: await createSite(admin, company, 'S2'),
      s3: await createSite(admin, company, 'S3', { public: true }),
    };
    areas = {
      a1: await createSiteArea(admin, sites.s1, 'A1'),
      a1b: await createSiteArea(admin, sites.s1, 'A1b'),
      a2: await createSiteArea(admin, sites.s2, 'A2'),
    };
    await createStationIn(admin, 'CS-S1', areas.a1);
    await createStationIn(admin, 'CS-S2', areas.a2);
    await createStationIn(admin, 'CS-FREE');
    stations = await Promise.all(['CS-S1', 'CS-S2'].map((id) => connectStation(server.wsUrl, id)));
    for (const station of stations) {
      station.handle('Reset', async () => ({ status: 'Accepted' }));
      station.handle('RemoteStopTransaction', async () => ({ status: 'Accepted' }));
    }
    await admin.data(
      'mutation($site: ID!, $user: ID!) { assignSiteAdmin(siteId: $site, userId: $user) { role } }',
      { site: sites.s1, user: siteAdmin.id },
    );
    await admin.data(
      'mutation($site: ID!, $user: ID!) { assignSiteOwner(siteId: $site, userId: $user) { role } }',
      { site: sites.s2, user: siteOwner.id },
    );
    await createTag(admin, { id: 'TAG-DRIVER', userId: driver.id });
    const inbound = server.app.get(TransactionInbound);
    const start = { connectorId: 1, idTag: 'TAG-DRIVER', meterStartWh: 0, timestamp: new Date() };
    await inbound.start(DEFAULT_TENANT_ID, 'CS-S1', start);
    await inbound.start(DEFAULT_TENANT_ID, 'CS-S2', start);
    const { transactions } = await admin.data<{
      transactions: { edges: { node: { id: string; chargingStationId: string } }[] };
    }>('{ transactions { edges { node { id chargingStationId } } } }');
    const byStation = Object.fromEntries(
      transactions.edges.map((edge) => [edge.node.chargingStationId, edge.node.id]),
    );
    sessions = { s1: byStation['CS-S1'], s2: byStation['CS-S2'] };
  });
  afterAll(async () => {
    await Promise.all(stations.map((station) => station.close()));
    await server.close();
  });

  it('are listed per site, for admins only, and must be basic users of the tenant', async () => {
    const { siteUsers } = await admin.data<{ siteUsers: { edges: { node: unknown }[] } }>(
      'query($site: ID!) { siteUsers(siteId: $site) { edges { node { role userId user { email } } } } }',
      { site: sites.s1 },
    );
    expect(siteUsers.edges.map((edge) => edge.node)).toEqual([
      { role: 'SITE_ADMIN', userId: siteAdmin.id, user: { email: siteAdmin.email } },
    ]);
    const assign =
      'mutation($site: ID!, $user: ID!) { assignSiteAdmin(siteId: $site, userId: $user) { id } }';
    const otherAdmin = await createUserAndLogin(admin, 'ADMIN');
    expect(await admin.errorCode(assign, { site: sites.s1, user: otherAdmin.id })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(assign, { site: sites.s1, user: 'nobody' })).toBe('NOT_FOUND');
    expect(await siteAdmin.client.errorCode(assign, { site: sites.s1, user: driver.id })).toBe('FORBIDDEN');
    expect(
      await siteAdmin.client.errorCode('query($site: ID!) { siteUsers(siteId: $site) { totalCount } }', {
        site: sites.s1,
      }),
    ).toBe('FORBIDDEN');
  });

  it('a site admin sees only the stations and sessions of its sites', async () => {
    expect(await listedStations(siteAdmin.client)).toEqual(['CS-S1']);
    expect(await siteAdmin.client.data(STATION, { id: 'CS-S1' })).toEqual({
      chargingStation: { id: 'CS-S1' },
    });
    expect(await siteAdmin.client.data(STATION, { id: 'CS-S2' })).toEqual({ chargingStation: null });
    expect(await sessionsOf(siteAdmin.client)).toEqual(['CS-S1']);
    expect(await siteNames(siteAdmin.client)).toEqual(['S1', 'S3']);
    const { siteAreas } = await siteAdmin.client.data<{ siteAreas: { edges: { node: { name: string } }[] } }>(
      '{ siteAreas { edges { node { name } } } }',
    );
    expect(siteAreas.edges.map((edge) => edge.node.name)).toEqual(['A1', 'A1b']);
  });

  it('a site admin commands and manages its sites only', async () => {
    expect(await siteAdmin.client.data(RESET, { id: 'CS-S1' })).toEqual({ reset: { status: 'Accepted' } });
    expect(await siteAdmin.client.errorCode(RESET, { id: 'CS-S2' })).toBe('NOT_FOUND');
    expect(await siteAdmin.client.errorCode(RESET, { id: 'CS-FREE' })).toBe('NOT_FOUND');
    // The 2.0.1-only operations are scoped the same way.
    const deviceModel =
      'query($id: ID!) { chargingStationDeviceModel(chargingStationId: $id) { component } }';
    expect(await siteAdmin.client.data(deviceModel, { id: 'CS-S1' })).toEqual({
      chargingStationDeviceModel: [],
    });
    expect(await siteAdmin.client.errorCode(deviceModel, { id: 'CS-S2' })).toBe('NOT_FOUND');
    const baseReport = 'mutation($id: ID!) { getBaseReport(chargingStationId: $id) { status } }';
    expect(await siteAdmin.client.errorCode(baseReport, { id: 'CS-S2' })).toBe('NOT_FOUND');
    expect(await siteAdmin.client.data(STOP, { id: sessions.s1 })).toEqual({
      remoteStopTransaction: { status: 'Accepted' },
    });
    expect(await siteAdmin.client.errorCode(STOP, { id: sessions.s2 })).toBe('NOT_FOUND');
    expect(await siteAdmin.client.data(UPDATE_AREA, { id: areas.a1b })).toEqual({
      updateSiteArea: { name: 'Renamed' },
    });
    expect(await siteAdmin.client.errorCode(UPDATE_AREA, { id: areas.a2 })).toBe('NOT_FOUND');
    const create = 'mutation($site: ID!) { createSiteArea(input: { siteId: $site, name: "New" }) { id } }';
    expect(await siteAdmin.client.data(create, { site: sites.s1 })).toMatchObject({ createSiteArea: {} });
    expect(await siteAdmin.client.errorCode(create, { site: sites.s2 })).toBe('FORBIDDEN');
    const move =
      'mutation($id: ID!, $area: ID) { assignChargingStationToSiteArea(chargingStationId: $id, siteAreaId: $area) { siteAreaId } }';
    expect(await siteAdmin.client.data(move, { id: 'CS-S1', area: areas.a1b })).toEqual({
      assignChargingStationToSiteArea: { siteAreaId: areas.a1b },
    });
    expect(await siteAdmin.client.errorCode(move, { id: 'CS-S1', area: areas.a2 })).toBe('NOT_FOUND');
    expect(await siteAdmin.client.errorCode(move, { id: 'CS-S2', area: areas.a1 })).toBe('NOT_FOUND');
    expect(
      await siteAdmin.client.errorCode('mutation($id: ID!) { deleteSite(id: $id) }', { id: sites.s1 }),
    ).toBe('FORBIDDEN');
  });

  it('a site owner reads the stations and sessions of its sites, and changes nothing', async () => {
    expect(await listedStations(siteOwner.client)).toEqual(['CS-S2']);
    expect(await sessionsOf(siteOwner.client)).toEqual(['CS-S2']);
    expect(await siteOwner.client.errorCode(RESET, { id: 'CS-S2' })).toBe('FORBIDDEN');
    expect(await siteOwner.client.errorCode(STOP, { id: sessions.s2 })).toBe('FORBIDDEN');
    expect(await siteOwner.client.errorCode(UPDATE_AREA, { id: areas.a2 })).toBe('FORBIDDEN');
  });

  it('a basic user without site roles keeps the tenant-wide station list and its own sessions', async () => {
    expect(await listedStations(driver.client)).toEqual(['CS-FREE', 'CS-S1', 'CS-S2']);
    expect(await sessionsOf(driver.client)).toEqual(['CS-S1', 'CS-S2']);
    expect(await siteNames(driver.client)).toEqual(['S3']);
    expect(await driver.client.errorCode('{ siteAreas { totalCount } }')).toBe('FORBIDDEN');
    expect(await driver.client.errorCode(RESET, { id: 'CS-S1' })).toBe('FORBIDDEN');
  });

  it('takes effect at once when roles are withdrawn', async () => {
    expect(
      await admin.data('mutation($site: ID!, $user: ID!) { removeSiteOwner(siteId: $site, userId: $user) }', {
        site: sites.s2,
        user: siteOwner.id,
      }),
    ).toEqual({ removeSiteOwner: true });
    expect(await listedStations(siteOwner.client)).toEqual(['CS-FREE', 'CS-S1', 'CS-S2']);
    expect(await sessionsOf(siteOwner.client)).toEqual([]);
  });

  it('does not cross tenants', async () => {
    const superAdmin = await loginAsAdmin(server.httpUrl);
    await superAdmin.data(
      'mutation { createTenant(input: { id: "rival", name: "Rival", adminEmail: "boss@rival.test", adminPassword: "Rival-Pass-123" }) { id } }',
    );
    const rival = await superAdmin.login('boss@rival.test', 'Rival-Pass-123', 'rival');
    expect(await rival.errorCode('query($id: ID!) { site(id: $id) { id } }', { id: sites.s1 })).toBe(
      'NOT_FOUND',
    );
    expect(await siteNames(rival)).toEqual([]);
    const rivalSite = await createSite(rival, await createCompany(rival, 'Rival Co'), 'Rival Site');
    expect(
      await rival.errorCode(
        'mutation($site: ID!, $user: ID!) { assignSiteAdmin(siteId: $site, userId: $user) { id } }',
        {
          site: rivalSite,
          user: siteAdmin.id,
        },
      ),
    ).toBe('NOT_FOUND');
    expect(
      await admin.errorCode(
        'mutation($site: ID!, $user: ID!) { assignSiteAdmin(siteId: $site, userId: $user) { id } }',
        {
          site: rivalSite,
          user: siteAdmin.id,
        },
      ),
    ).toBe('NOT_FOUND');
    expect(
      await rival.errorCode(
        'mutation($area: ID!) { createChargingStation(input: { id: "CS-RIVAL", siteAreaId: $area }) { id } }',
        { area: areas.a1 },
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
