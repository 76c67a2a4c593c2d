import { DEFAULT_TENANT_ID } from '@csms/common';
import { StationInbound } from '@csms/stations';
import { TransactionInbound } from '@csms/transactions';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { TestApp, startTestApp } from '../support/test-app';
import { TestUser, createTag, createUserAndLogin } from '../support/users';

const STATIONS = '{ chargingStations(first: 10) { totalCount edges { node { id } } } }';
const STATION = '{ chargingStation(id: "CS-M") { id } }';
const CREATE_STATION = 'mutation($id: ID!) { createChargingStation(input: { id: $id }) { id } }';
const RESET = 'mutation { reset(chargingStationId: "CS-M", type: SOFT) { status } }';
const SESSIONS =
  '{ transactions(first: 10) { totalCount edges { node { id tagId user { id email firstName lastName } } } } }';

interface SessionView {
  id: string;
  tagId: string | null;
  user: { id: string; email: string; firstName: string | null; lastName: string | null } | null;
}

/** The stations and sessions rows of the matrix, over GraphQL, on the other modules' resolvers. */
describe('charging stations and sessions: the role matrix over GraphQL', () => {
  let server: TestApp;
  let superAdmin: GraphQLClient;
  let admin: TestUser;
  let driver: TestUser;
  let otherDriver: TestUser;
  let demo: TestUser;

  const sessionsOf = async (client: GraphQLClient): Promise<SessionView[]> => {
    const { transactions } = await client.data<{ transactions: { edges: { node: SessionView }[] } }>(
      SESSIONS,
    );
    return transactions.edges.map((edge) => edge.node);
  };

  beforeAll(async () => {
    server = await startTestApp('stations-sessions-matrix');
    superAdmin = await loginAsAdmin(server.httpUrl);
    admin = await createUserAndLogin(superAdmin, 'ADMIN');
    driver = await createUserAndLogin(admin.client, 'BASIC');
    otherDriver = await createUserAndLogin(admin.client, 'BASIC');
    demo = await createUserAndLogin(admin.client, 'DEMO');
    for (const user of [driver, otherDriver]) {
      await admin.client.data(
        'mutation($id: ID!) { updateUser(input: { id: $id, firstName: "Named", lastName: "Person" }) { id } }',
        {
          id: user.id,
        },
      );
    }
    await createTag(admin.client, { id: 'DRIVER', userId: driver.id });
    await createTag(admin.client, { id: 'OTHER', userId: otherDriver.id });
    const stations = server.app.get(StationInbound);
    const json16 = { ocppVersion: '1.6', ocppProtocol: 'json' } as const;
    // As the OCPP-J edge does: the connection first, then the boot.
    await stations.connected(DEFAULT_TENANT_ID, 'CS-M', json16);
    await stations.boot(DEFAULT_TENANT_ID, 'CS-M', { vendor: 'V', model: 'M' }, json16);
    const transactions = server.app.get(TransactionInbound);
    const start = { meterStartWh: 0, timestamp: new Date() };
    await transactions.start(DEFAULT_TENANT_ID, 'CS-M', { ...start, connectorId: 1, idTag: 'DRIVER' });
    await transactions.start(DEFAULT_TENANT_ID, 'CS-M', { ...start, connectorId: 2, idTag: 'OTHER' });
  });
  afterAll(() => server.close());

  it('every role lists and reads charging stations', async () => {
    for (const client of [superAdmin, admin.client, driver.client, demo.client]) {
      const { chargingStations } = await client.data<{ chargingStations: { totalCount: number } }>(STATIONS);
      expect(chargingStations.totalCount).toBe(1);
      expect(await client.data(STATION)).toEqual({ chargingStation: { id: 'CS-M' } });
    }
  });

  it('only admins create stations and send them commands', async () => {
    expect(await admin.client.data(CREATE_STATION, { id: 'CS-NEW' })).toEqual({
      createChargingStation: { id: 'CS-NEW' },
    });
    // Allowed through the guard: the station simply is not connected.
    expect(await admin.client.errorCode(RESET)).toBe('STATION_OFFLINE');
    for (const client of [superAdmin, driver.client, demo.client]) {
      expect(await client.errorCode(CREATE_STATION, { id: 'CS-NO' })).toBe('FORBIDDEN');
      expect(await client.errorCode(RESET)).toBe('FORBIDDEN');
    }
  });

  it('admins see all sessions with their drivers', async () => {
    const sessions = await sessionsOf(admin.client);
    expect(sessions.map((session) => session.user?.email).sort()).toEqual(
      [driver.email, otherDriver.email].sort(),
    );
  });

  it('basic users see their own sessions only', async () => {
    const sessions = await sessionsOf(driver.client);
    expect(sessions.map((session) => session.user?.id)).toEqual([driver.id]);
    expect(sessions.map((session) => session.tagId)).toEqual(['DRIVER']);
  });

  it('demo users see all sessions, with the people anonymized', async () => {
    const sessions = await sessionsOf(demo.client);
    expect(sessions).toHaveLength(2);
    for (const session of sessions) {
      expect(session.user).toMatchObject({ email: 'anonymized', firstName: null, lastName: null });
      expect(session.tagId).toBeNull();
      expect(JSON.stringify(session)).not.toMatch(/Named|Person|@example\.com/);
    }
  });

  it('super admins do not see sessions', async () => {
    expect(await superAdmin.errorCode(SESSIONS)).toBe('FORBIDDEN');
  });
});
