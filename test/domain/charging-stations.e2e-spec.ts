import { asTenantId, DEFAULT_TENANT_ID } from '@csms/common';
import { DataTransferHandlers, StationInbound } from '@csms/stations';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { TestApp, startTestApp } from '../support/test-app';
import { createUserAndLogin, eventually } from '../support/users';

const JSON_16 = { ocppVersion: '1.6', ocppProtocol: 'json' } as const;
const BOOT = {
  vendor: 'VoltCorp',
  model: 'VC-22',
  serialNumber: 'SN-1',
  firmwareVersion: '1.2.3',
  iccid: '8931',
};

const STATION_FIELDS = `id online lastSeen ocppVersion ocppProtocol vendor model serialNumber firmwareVersion iccid
  heartbeatIntervalSeconds status errorCode firmwareStatus hasPassword
  connectors { connectorId status errorCode info vendorErrorCode statusUpdatedAt currentTransactionId }`;

describe('charging stations domain', () => {
  let server: TestApp;
  let superAdmin: GraphQLClient;
  let admin: GraphQLClient;
  let basic: GraphQLClient;
  let inbound: StationInbound;

  const stationsCollection = () =>
    server.app.get<Connection>(getConnectionToken()).collection('charging_stations');
  const station = async (id: string) =>
    (
      await admin.data<{ chargingStation: Record<string, unknown> | null }>(
        `query($id: ID!) { chargingStation(id: $id) { ${STATION_FIELDS} } }`,
        { id },
      )
    ).chargingStation;

  beforeAll(async () => {
    server = await startTestApp('stations');
    superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    basic = (await createUserAndLogin(superAdmin, 'BASIC')).client;
    inbound = server.app.get(StationInbound);
  });
  afterAll(() => server.close());

  it('decides who may connect: tenant, registration policy and Basic credentials', async () => {
    expect(await inbound.mayConnect('nope', 'CS-1')).toEqual({ allowed: false, reason: 'unknown-tenant' });
    expect(await inbound.mayConnect('Not A Tenant!', 'CS-1')).toEqual({
      allowed: false,
      reason: 'unknown-tenant',
    });
    expect(await inbound.mayConnect('default', 'CS-NEW')).toEqual({ allowed: true, registered: false });

    await admin.data(
      'mutation($input: CreateChargingStationInput!) { createChargingStation(input: $input) { id } }',
      {
        input: { id: 'CS-SECURE', password: 'station-secret-1' },
      },
    );
    expect(await inbound.mayConnect('default', 'CS-SECURE')).toEqual({
      allowed: false,
      reason: 'bad-credentials',
    });
    expect(await inbound.mayConnect('default', 'CS-SECURE', 'wrong-secret')).toEqual({
      allowed: false,
      reason: 'bad-credentials',
    });
    expect(await inbound.mayConnect('default', 'CS-SECURE', 'station-secret-1')).toEqual({
      allowed: true,
      registered: true,
    });

    await superAdmin.data('mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', {
      input: {
        id: 'closed',
        name: 'Closed',
        adminEmail: 'closed-admin@example.com',
        adminPassword: 'Str0ng!Passw0rd',
      },
    });
    expect(await inbound.mayConnect('closed', 'CS-ANY')).toEqual({
      allowed: false,
      reason: 'unknown-station',
    });
  });

  it('checks connections arriving together (one batched lookup) each against its own station and tenant', async () => {
    const decisions = await Promise.all([
      inbound.mayConnect('default', 'CS-SECURE', 'station-secret-1'),
      inbound.mayConnect('default', 'CS-SECURE', 'wrong-secret'),
      inbound.mayConnect('closed', 'CS-SECURE', 'station-secret-1'),
      inbound.mayConnect('default', 'CS-NEW-2'),
      inbound.mayConnect('default', 'CS-SECURE'),
    ]);
    expect(decisions).toEqual([
      { allowed: true, registered: true },
      { allowed: false, reason: 'bad-credentials' },
      { allowed: false, reason: 'unknown-station' },
      { allowed: true, registered: false },
      { allowed: false, reason: 'bad-credentials' },
    ]);
  });

  it('never exposes the password and refuses duplicates and bad identities', async () => {
    expect(await admin.errorCode('{ chargingStation(id: "CS-SECURE") { passwordHash } }')).toBe(
      'BAD_USER_INPUT',
    );
    expect((await station('CS-SECURE'))?.hasPassword).toBe(true);
    const create =
      'mutation($input: CreateChargingStationInput!) { createChargingStation(input: $input) { id } }';
    expect(await admin.errorCode(create, { input: { id: 'CS-SECURE' } })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(create, { input: { id: 'has space' } })).toBe('BAD_USER_INPUT');
    expect(await basic.errorCode(create, { input: { id: 'CS-BASIC' } })).toBe('FORBIDDEN');
  });

  it('creates an unknown station when it connects and stores its boot’s vendor data with the configured interval', async () => {
    // The edge records the connection first; a boot whose connection has closed since is not recorded.
    expect(await inbound.boot(DEFAULT_TENANT_ID, 'CS-BOOT', BOOT, JSON_16)).toMatchObject({
      status: 'Rejected',
    });
    expect(await station('CS-BOOT')).toBeNull();
    await inbound.connected(DEFAULT_TENANT_ID, 'CS-BOOT', JSON_16);
    const decision = await inbound.boot(DEFAULT_TENANT_ID, 'CS-BOOT', BOOT, JSON_16);
    expect(decision).toMatchObject({ status: 'Accepted', interval: 300 });
    expect(decision.currentTime).toBeInstanceOf(Date);
    expect(await station('CS-BOOT')).toMatchObject({
      id: 'CS-BOOT',
      online: true,
      ocppVersion: '1.6',
      ocppProtocol: 'json',
      vendor: 'VoltCorp',
      model: 'VC-22',
      serialNumber: 'SN-1',
      firmwareVersion: '1.2.3',
      iccid: '8931',
      heartbeatIntervalSeconds: 300,
      hasPassword: false,
      connectors: [],
    });
  });

  it('keeps connector statuses (connector 0 as the station) and ignores older offline replays', async () => {
    const tenant = DEFAULT_TENANT_ID;
    await inbound.connected(tenant, 'CS-STATUS', JSON_16);
    await inbound.statusNotification(tenant, 'CS-STATUS', {
      connectorId: 0,
      status: 'Available',
      errorCode: 'NoError',
    });
    await inbound.statusNotification(tenant, 'CS-STATUS', {
      connectorId: 2,
      status: 'Faulted',
      errorCode: 'GroundFailure',
      info: 'RCD tripped',
      vendorErrorCode: 'E42',
      timestamp: new Date('2026-01-01T10:00:00Z'),
    });
    await inbound.statusNotification(tenant, 'CS-STATUS', {
      connectorId: 1,
      status: 'Charging',
      errorCode: 'NoError',
    });
    await inbound.statusNotification(tenant, 'CS-STATUS', {
      connectorId: 2,
      status: 'Available',
      errorCode: 'NoError',
      timestamp: new Date('2026-01-01T09:00:00Z'),
    });
    const found = await station('CS-STATUS');
    expect(found).toMatchObject({ status: 'Available', errorCode: 'NoError' });
    expect(found?.connectors).toEqual([
      expect.objectContaining({ connectorId: 1, status: 'Charging' }),
      expect.objectContaining({
        connectorId: 2,
        status: 'Faulted',
        errorCode: 'GroundFailure',
        info: 'RCD tripped',
        vendorErrorCode: 'E42',
        statusUpdatedAt: '2026-01-01T10:00:00.000Z',
      }),
    ]);
  });

  it('survives a restart of its cache: statuses after eviction are merged with the stored ones', async () => {
    const tenant = DEFAULT_TENANT_ID;
    await inbound.disconnected(tenant, 'CS-STATUS');
    expect((await station('CS-STATUS'))?.online).toBe(false);
    await inbound.statusNotification(tenant, 'CS-STATUS', {
      connectorId: 1,
      status: 'Finishing',
      errorCode: 'NoError',
    });
    const found = await station('CS-STATUS');
    expect(found?.connectors).toEqual([
      expect.objectContaining({ connectorId: 1, status: 'Finishing' }),
      expect.objectContaining({ connectorId: 2, status: 'Faulted' }),
    ]);
    expect(found?.online).toBe(true);
  });

  it('pushes chargingStationUpdated over graphql-ws, filtered by id and tenant', async () => {
    const client = graphqlWsClient(server.wsUrl, admin.bearer);
    const updates = subscribe<{ chargingStationUpdated: { id: string; connectors: { status: string }[] } }>(
      client,
      'subscription { chargingStationUpdated(id: "CS-LIVE") { id connectors { connectorId status } } }',
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await inbound.statusNotification(asTenantId('closed'), 'CS-LIVE', {
        connectorId: 1,
        status: 'Faulted',
      });
      await inbound.statusNotification(DEFAULT_TENANT_ID, 'CS-OTHER', { connectorId: 1, status: 'Faulted' });
      await inbound.statusNotification(DEFAULT_TENANT_ID, 'CS-LIVE', { connectorId: 1, status: 'Preparing' });
      const { chargingStationUpdated } = await updates.next();
      expect(chargingStationUpdated).toEqual({
        id: 'CS-LIVE',
        connectors: [{ connectorId: 1, status: 'Preparing' }],
      });
    } finally {
      await updates.close();
    }
  });

  it('records heartbeats, firmware and diagnostics status', async () => {
    const before = Date.now();
    const now = await inbound.heartbeat(DEFAULT_TENANT_ID, 'CS-BOOT');
    expect(now.getTime()).toBeGreaterThanOrEqual(before);
    await inbound.firmwareStatus(DEFAULT_TENANT_ID, 'CS-BOOT', 'Downloading');
    await inbound.diagnosticsStatus(DEFAULT_TENANT_ID, 'CS-BOOT', 'Uploaded');
    const found = await station('CS-BOOT');
    expect(found?.firmwareStatus).toBe('Downloading');
    expect(new Date(found?.lastSeen as string).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('stores DataTransfer (an empty vendor id too) and answers UnknownVendorId unless a handler is registered', async () => {
    expect(
      await inbound.dataTransfer(DEFAULT_TENANT_ID, 'CS-BOOT', { vendorId: 'com.unknown', data: 'x' }),
    ).toEqual({
      status: 'UnknownVendorId',
    });
    const unregister = server.app
      .get(DataTransferHandlers)
      .register('com.voltcorp', async (_t, _s, request) => ({
        status: 'Accepted',
        data: `echo:${request.data}`,
      }));
    expect(
      await inbound.dataTransfer(DEFAULT_TENANT_ID, 'CS-BOOT', { vendorId: 'com.voltcorp', data: 'hi' }),
    ).toEqual({
      status: 'Accepted',
      data: 'echo:hi',
    });
    unregister();
    // OCPP's schema allows an empty vendor id: answered and kept like any other.
    expect(await inbound.dataTransfer(DEFAULT_TENANT_ID, 'CS-BOOT', { vendorId: '', data: 'y' })).toEqual({
      status: 'UnknownVendorId',
    });
    const stored = await server.app
      .get<Connection>(getConnectionToken())
      .collection('station_data_transfers')
      .find({ tenantId: 'default', chargingStationId: 'CS-BOOT' })
      .sort({ createdAt: 1 })
      .toArray();
    expect(stored.map((doc) => [doc.vendorId, doc.status, doc.responseData ?? null])).toEqual([
      ['com.unknown', 'UnknownVendorId', null],
      ['com.voltcorp', 'Accepted', 'echo:hi'],
      ['', 'UnknownVendorId', null],
    ]);
  });

  it('lists stations as a Relay connection sorted by id', async () => {
    const query = `query($after: String) { chargingStations(first: 2, after: $after) {
      totalCount edges { node { id } cursor } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      chargingStations: {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const { chargingStations }: Page = await basic.data<Page>(query, { after });
      total = chargingStations.totalCount;
      ids.push(...chargingStations.edges.map((edge) => edge.node.id));
      if (!chargingStations.pageInfo.hasNextPage) break;
      after = chargingStations.pageInfo.endCursor;
    }
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['CS-BOOT', 'CS-LIVE', 'CS-OTHER', 'CS-SECURE', 'CS-STATUS']));
    expect(ids.length).toBe(total);
    expect(ids).not.toContain('CS-ANY');
  });

  it('routes commands through StationCommands: offline, unknown and forbidden cases', async () => {
    const reset = 'mutation($id: ID!) { reset(chargingStationId: $id, type: SOFT) { status } }';
    await inbound.disconnected(DEFAULT_TENANT_ID, 'CS-BOOT');
    expect(await admin.errorCode(reset, { id: 'CS-BOOT' })).toBe('STATION_OFFLINE');
    expect(await admin.errorCode(reset, { id: 'CS-NOWHERE' })).toBe('NOT_FOUND');
    expect(await basic.errorCode(reset, { id: 'CS-BOOT' })).toBe('FORBIDDEN');
    expect(await superAdmin.errorCode(reset, { id: 'CS-BOOT' })).toBe('FORBIDDEN');
    const getConfiguration =
      'mutation { getConfiguration(chargingStationId: "CS-BOOT", keys: ["HeartbeatInterval"]) { key value } }';
    expect(await admin.errorCode(getConfiguration)).toBe('STATION_OFFLINE');
    const sendLocalList = `mutation { sendLocalList(chargingStationId: "CS-BOOT",
      input: { listVersion: 2, updateType: FULL, tagIds: ["A"] }) { status } }`;
    expect(await admin.errorCode(sendLocalList)).toBe('STATION_OFFLINE');
    const fullList =
      'mutation { sendLocalList(chargingStationId: "CS-BOOT", input: { listVersion: 3, updateType: FULL }) { status } }';
    expect(await admin.errorCode(fullList)).toBe('STATION_OFFLINE');
    const differentialWithoutTags = `mutation { sendLocalList(chargingStationId: "CS-BOOT",
      input: { listVersion: 3, updateType: DIFFERENTIAL }) { status } }`;
    expect(await admin.errorCode(differentialWithoutTags)).toBe('BAD_USER_INPUT');
    const badProfile = `mutation { setChargingProfile(chargingStationId: "CS-BOOT", connectorId: 1, profile: {
      chargingProfileId: 1, purpose: TxDefaultProfile, schedule: { rateUnit: W, periods: [] } }) { status } }`;
    expect(await admin.errorCode(badProfile)).toBe('BAD_USER_INPUT');
  });

  it('keeps the order of each station’s writes: a disconnection and an immediate reconnection leave it online', async () => {
    const tenant = asTenantId(DEFAULT_TENANT_ID);
    await inbound.connected(tenant, 'CS-FLAP', JSON_16);
    await inbound.boot(tenant, 'CS-FLAP', BOOT, JSON_16);
    for (let flap = 0; flap < 5; flap += 1) {
      await Promise.all([
        inbound.heartbeat(tenant, 'CS-FLAP'),
        inbound.disconnected(tenant, 'CS-FLAP'),
        inbound.connected(tenant, 'CS-FLAP', JSON_16),
      ]);
      // What is stored, not the connected station's cached state (a connection's write is not awaited).
      const stored = await eventually(
        () => stationsCollection().findOne({ stationId: 'CS-FLAP' }),
        (doc) => doc?.online === true,
      );
      expect(stored).toMatchObject({ vendor: 'VoltCorp' });
    }
    // Many stations' statuses at once, written together: each keeps its own.
    const ids = Array.from({ length: 40 }, (_, n) => `CS-MANY-${n}`);
    await Promise.all(ids.map((id) => inbound.connected(tenant, id, JSON_16)));
    await Promise.all(
      ids.map((id, n) =>
        inbound.statusNotification(tenant, id, {
          connectorId: 1,
          status: n % 2 ? 'Charging' : 'Available',
          errorCode: 'NoError',
        }),
      ),
    );
    const stored = await stationsCollection()
      .find({ tenantId: DEFAULT_TENANT_ID, stationId: { $regex: '^CS-MANY-' } })
      .toArray();
    expect(stored).toHaveLength(ids.length);
    for (const doc of stored) {
      const n = Number(String(doc.stationId).split('-')[2]);
      expect(doc.connectors['1'].status).toBe(n % 2 ? 'Charging' : 'Available');
    }
  });

  it('deletes a station', async () => {
    const remove = 'mutation($id: ID!) { deleteChargingStation(id: $id) }';
    expect(await admin.data(remove, { id: 'CS-OTHER' })).toEqual({ deleteChargingStation: true });
    expect(await admin.errorCode(remove, { id: 'CS-OTHER' })).toBe('NOT_FOUND');
    expect(await station('CS-OTHER')).toBeNull();
  });
});
