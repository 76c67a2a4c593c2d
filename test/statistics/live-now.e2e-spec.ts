import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { PythonStation } from '../support/python-station';
import { TestApp, startTestApp } from '../support/test-app';
import { TestUser, createTag, createUserAndLogin, eventually } from '../support/users';
import {
  createCompany,
  createSite,
  createSiteArea,
  createStationIn,
} from '../organizations/support/organizations';

interface Figures {
  powerWatts: number;
  sessionsInProgress: number;
  stationsOnline: number;
  stationsOffline: number;
  connectorsByStatus: { status: string; count: number }[];
}

interface Live extends Figures {
  sites: (Figures & {
    siteId: string | null;
    name: string | null;
    siteAreas: (Figures & { siteAreaId: string | null; name: string | null })[];
  })[];
}

const FIGURES =
  'powerWatts sessionsInProgress stationsOnline stationsOffline connectorsByStatus { status count }';
const LIVE_NOW = `query($siteId: ID) { liveNow(siteId: $siteId) { at ${FIGURES}
  sites { siteId name ${FIGURES} siteAreas { siteAreaId name ${FIGURES} } } } }`;

/** Both Python peers report 7.2 kW with each meter value. */
const PEER_WATTS = 7200;

/**
 * The live view against independent Python `ocpp` peers (1.6-J and 2.0.1-J): what a first question
 * loads (stations, sessions already open), what events change afterwards (power with the meter
 * values, a stop), and who sees what (a site admin only their site, a driver only their own session).
 */
describe('liveNow', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let siteAdmin: TestUser;
  let driver: TestUser;
  let ids: { lyon: string; lyonNorth: string; lyonSouth: string; nice: string; niceArea: string };
  const peers: PythonStation[] = [];

  const live = async (client: GraphQLClient, siteId?: string): Promise<Live> =>
    (await client.data<{ liveNow: Live }>(LIVE_NOW, { siteId })).liveNow;
  const siteOf = (view: Live, siteId: string) => view.sites.find((site) => site.siteId === siteId);
  const statuses = (figures: Figures) =>
    Object.fromEntries(figures.connectorsByStatus.map(({ status, count }) => [status, count]));

  beforeAll(async () => {
    server = await startTestApp('live_now');
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    siteAdmin = await createUserAndLogin(superAdmin, 'BASIC');
    driver = await createUserAndLogin(superAdmin, 'BASIC');
    const company = await createCompany(admin, 'Live company');
    const lyon = await createSite(admin, company, 'Lyon');
    const nice = await createSite(admin, company, 'Nice');
    ids = {
      lyon,
      lyonNorth: await createSiteArea(admin, lyon, 'Lyon north'),
      lyonSouth: await createSiteArea(admin, lyon, 'Lyon south'),
      nice,
      niceArea: await createSiteArea(admin, nice, 'Nice garage'),
    };
    await createStationIn(admin, 'LIVE-LYON-16', ids.lyonNorth);
    // Never connects: offline, in the other area of the site.
    await createStationIn(admin, 'LIVE-LYON-IDLE', ids.lyonSouth);
    await createStationIn(admin, 'LIVE-NICE-201', ids.niceArea);
    await createTag(admin, { id: 'LIVE-TAG-16' });
    await createTag(admin, { id: 'LIVE-TAG-201', userId: driver.id });
    await admin.data(
      'mutation($site: ID!, $user: ID!) { assignSiteAdmin(siteId: $site, userId: $user) { role } }',
      {
        site: lyon,
        user: siteAdmin.id,
      },
    );
    siteAdmin.client = await siteAdmin.client.login(siteAdmin.email, 'Str0ng!Passw0rd');
  });

  afterAll(async () => {
    peers.forEach((peer) => peer.kill());
    await server.close();
  });

  it('shows power per site and area, stations by status and sessions in progress, to each only theirs', async () => {
    const lyonPeer = PythonStation.spawn('ocpp16_station.py', [
      `${server.wsUrl}/ocpp/default`,
      'LIVE-LYON-16',
      'LIVE-TAG-16',
    ]);
    const nicePeer = PythonStation.spawn('ocpp201_station.py', [
      `${server.wsUrl}/ocpp/default`,
      'LIVE-NICE-201',
      'LIVE-TAG-201',
    ]);
    peers.push(lyonPeer, nicePeer);
    expect((await lyonPeer.next()).event).toBe('started');
    expect((await nicePeer.next()).event).toBe('started');

    // The first question loads what is stored: both sessions open, no power known yet.
    const loaded = await eventually(
      () => live(admin),
      (view) => view.sessionsInProgress === 2 && statuses(view).Charging === 1,
    );
    expect(loaded).toMatchObject({ powerWatts: 0, stationsOnline: 2, stationsOffline: 1 });
    // 1.6 says Charging, 2.0.1 Occupied; the station that never connected reported no connector.
    expect(statuses(loaded)).toEqual({ Charging: 1, Occupied: 1 });

    // Meter values reach the view through events.
    lyonPeer.send('meter');
    nicePeer.send('meter');
    expect((await lyonPeer.next()).event).toBe('metered');
    expect((await nicePeer.next()).event).toBe('metered');
    const metered = await eventually(
      () => live(admin),
      (view) => view.powerWatts === 2 * PEER_WATTS,
    );
    expect(metered.sites.map((site) => [site.name, site.powerWatts, site.sessionsInProgress])).toEqual([
      ['Lyon', PEER_WATTS, 1],
      ['Nice', PEER_WATTS, 1],
    ]);
    const lyon = siteOf(metered, ids.lyon)!;
    expect(lyon).toMatchObject({ stationsOnline: 1, stationsOffline: 1 });
    expect(lyon.siteAreas).toEqual([
      expect.objectContaining({
        siteAreaId: ids.lyonNorth,
        name: 'Lyon north',
        powerWatts: PEER_WATTS,
        sessionsInProgress: 1,
        stationsOnline: 1,
        stationsOffline: 0,
        connectorsByStatus: [{ status: 'Charging', count: 1 }],
      }),
      expect.objectContaining({
        siteAreaId: ids.lyonSouth,
        name: 'Lyon south',
        powerWatts: 0,
        sessionsInProgress: 0,
        stationsOnline: 0,
        stationsOffline: 1,
      }),
    ]);
    expect((await live(admin, ids.nice)).sites.map((site) => site.siteId)).toEqual([ids.nice]);

    // The site admin of Lyon sees Lyon only, even when asking for Nice.
    const mine = await live(siteAdmin.client);
    expect(mine.sites.map((site) => site.siteId)).toEqual([ids.lyon]);
    expect(mine).toMatchObject({
      powerWatts: PEER_WATTS,
      sessionsInProgress: 1,
      stationsOnline: 1,
      stationsOffline: 1,
    });
    expect((await live(siteAdmin.client, ids.nice)).sites).toEqual([]);
    // A driver sees their own session, not the stations.
    const own = await live(driver.client);
    expect(own).toMatchObject({
      powerWatts: PEER_WATTS,
      sessionsInProgress: 1,
      stationsOnline: 0,
      stationsOffline: 0,
    });
    expect(own.sites.map((site) => site.siteId)).toEqual([ids.nice]);

    // A stop leaves the view.
    const { transactions } = await admin.data<{ transactions: { edges: { node: { id: string } }[] } }>(
      '{ transactions(filter: { chargingStationId: "LIVE-LYON-16", active: true }) { edges { node { id } } } }',
    );
    await admin.data('mutation($id: ID!) { remoteStopTransaction(transactionId: $id) { status } }', {
      id: transactions.edges[0].node.id,
    });
    expect((await lyonPeer.next()).event).toBe('stopped');
    const stopped = await eventually(
      () => live(admin),
      (view) => view.sessionsInProgress === 1 && statuses(view).Available === 1,
    );
    expect(statuses(stopped)).toEqual({ Available: 1, Occupied: 1 });
    expect(stopped.powerWatts).toBe(PEER_WATTS);
    expect(siteOf(stopped, ids.lyon)).toMatchObject({ powerWatts: 0, sessionsInProgress: 0 });

    // A deleted station leaves it too.
    await admin.data('mutation { deleteChargingStation(id: "LIVE-LYON-IDLE") }');
    const deleted = await eventually(
      () => live(admin),
      (view) => view.stationsOnline + view.stationsOffline === 2,
    );
    expect(siteOf(deleted, ids.lyon)?.siteAreas.map((area) => area.siteAreaId)).toEqual([ids.lyonNorth]);
  });

  it('refuses a malformed site id', async () => {
    expect(await admin.errorCode(LIVE_NOW, { siteId: '' })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(LIVE_NOW, { siteId: 'x'.repeat(300) })).toBe('BAD_USER_INPUT');
  });
});
