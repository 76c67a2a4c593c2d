import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { TestApp, startTestApp } from '../support/test-app';
import { TestUser, createTag, createUserAndLogin } from '../support/users';

/** What the operator console needs of the API beyond wave 1: station filters, permission flags, drivers' starts. */
describe('the API the console stands on', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let driver: TestUser;
  let otherDriver: TestUser;
  let station: RPCClient;
  let siteId: string;
  let areaId: string;
  const remoteStarts: unknown[] = [];

  const stationIds = async (filter: Record<string, unknown>, client = admin) => {
    const { chargingStations } = await client.data<{
      chargingStations: { edges: { node: { id: string } }[] };
    }>(
      'query($filter: ChargingStationFilter) { chargingStations(filter: $filter) { edges { node { id } } } }',
      { filter },
    );
    return chargingStations.edges.map((edge) => edge.node.id);
  };

  beforeAll(async () => {
    server = await startTestApp('console_api');
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    driver = await createUserAndLogin(admin, 'BASIC');
    otherDriver = await createUserAndLogin(admin, 'BASIC');
    await createTag(admin, { id: 'DRIVER-TAG', userId: driver.id });
    await createTag(admin, { id: 'DRIVER-OFF', userId: driver.id, active: false });
    await createTag(admin, { id: 'OTHER-TAG', userId: otherDriver.id });

    const { createCompany } = await admin.data<{ createCompany: { id: string } }>(
      'mutation { createCompany(input: { name: "Acme" }) { id } }',
    );
    const { createSite } = await admin.data<{ createSite: { id: string } }>(
      'mutation($companyId: ID!) { createSite(input: { name: "Depot", companyId: $companyId }) { id } }',
      { companyId: createCompany.id },
    );
    siteId = createSite.id;
    const { createSiteArea } = await admin.data<{ createSiteArea: { id: string } }>(
      'mutation($siteId: ID!) { createSiteArea(input: { name: "Bay", siteId: $siteId }) { id } }',
      { siteId },
    );
    areaId = createSiteArea.id;
    for (const id of ['DEPOT-1', 'DEPOT-2', 'ROAD-1']) {
      await admin.data('mutation($id: ID!) { createChargingStation(input: { id: $id }) { id } }', { id });
    }
    await admin.data(
      'mutation($areaId: ID!) { assignChargingStationToSiteArea(chargingStationId: "DEPOT-1", siteAreaId: $areaId) { id } }',
      { areaId },
    );

    station = await connectStation(server.wsUrl, 'DEPOT-2');
    station.handle('RemoteStartTransaction', async ({ params }) => {
      remoteStarts.push(params);
      return { status: 'Accepted' };
    });
    await station.call('BootNotification', { chargePointVendor: 'VoltCorp', chargePointModel: 'Wallbox-22' });
    await station.call('StatusNotification', {
      connectorId: 1,
      status: 'Faulted',
      errorCode: 'GroundFailure',
    });
  });

  afterAll(async () => {
    await station.close();
    await server.close();
  });

  it('filters stations by search text, site, site area, connector status and online state', async () => {
    expect(await stationIds({ search: 'depot' })).toEqual(['DEPOT-1', 'DEPOT-2']);
    expect(await stationIds({ search: 'wallbox' })).toEqual(['DEPOT-2']);
    expect(await stationIds({ siteId })).toEqual(['DEPOT-1']);
    expect(await stationIds({ siteAreaId: areaId })).toEqual(['DEPOT-1']);
    expect(await stationIds({ connectorStatus: 'Faulted' })).toEqual(['DEPOT-2']);
    expect(await stationIds({ online: true })).toEqual(['DEPOT-2']);
    expect(await stationIds({ online: false, search: 'DEPOT' })).toEqual(['DEPOT-1']);
    expect(await stationIds({ search: 'depot', connectorStatus: 'Available' })).toEqual([]);
  });

  it('refuses a malformed status filter with BAD_USER_INPUT', async () => {
    expect(
      await admin.errorCode(
        '{ chargingStations(filter: { connectorStatus: "Faulted; drop" }) { totalCount } }',
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('tells each caller what it may do with a station', async () => {
    const flags = '{ chargingStation(id: "DEPOT-2") { canUpdate canDelete canCommand canRemoteStart } }';
    expect((await admin.data(flags)).chargingStation).toEqual({
      canUpdate: true,
      canDelete: true,
      canCommand: true,
      canRemoteStart: true,
    });
    expect((await driver.client.data(flags)).chargingStation).toEqual({
      canUpdate: false,
      canDelete: false,
      canCommand: false,
      canRemoteStart: true,
    });
  });

  it('lets a driver start a session with its own active badge only', async () => {
    const start =
      'mutation($tagId: ID!) { remoteStartTransaction(chargingStationId: "DEPOT-2", connectorId: 1, tagId: $tagId) { status } }';
    expect(await driver.client.errorCode(start, { tagId: 'OTHER-TAG' })).toBe('FORBIDDEN');
    expect(await driver.client.errorCode(start, { tagId: 'DRIVER-OFF' })).toBe('FORBIDDEN');
    expect(await driver.client.errorCode(start, { tagId: 'NO-SUCH-TAG' })).toBe('FORBIDDEN');
    expect(remoteStarts).toEqual([]);
    expect(await driver.client.data(start, { tagId: 'DRIVER-TAG' })).toEqual({
      remoteStartTransaction: { status: 'Accepted' },
    });
    expect(await admin.data(start, { tagId: 'OTHER-TAG' })).toEqual({
      remoteStartTransaction: { status: 'Accepted' },
    });
    expect(remoteStarts).toEqual([
      { connectorId: 1, idTag: 'DRIVER-TAG' },
      { connectorId: 1, idTag: 'OTHER-TAG' },
    ]);
    expect(
      await driver.client.errorCode(
        'mutation { reset(chargingStationId: "DEPOT-2", type: SOFT) { status } }',
      ),
    ).toBe('FORBIDDEN');
  });

  it('tells who may stop a session: its driver and admins, while it is active', async () => {
    const { idTagInfo, transactionId } = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag: 'DRIVER-TAG',
      meterStart: 0,
      timestamp: new Date().toISOString(),
    })) as { idTagInfo: { status: string }; transactionId: number };
    expect(idTagInfo.status).toBe('Accepted');
    const canStop = async (client: GraphQLClient) =>
      (
        await client.data<{ transactions: { edges: { node: { canStop: boolean } }[] } }>(
          '{ transactions(filter: { chargingStationId: "DEPOT-2" }) { edges { node { canStop } } } }',
        )
      ).transactions.edges.map((edge) => edge.node.canStop);
    expect(await canStop(admin)).toEqual([true]);
    expect(await canStop(driver.client)).toEqual([true]);
    expect(await canStop(otherDriver.client)).toEqual([]);
    await station.call('StopTransaction', {
      transactionId,
      meterStop: 1000,
      timestamp: new Date().toISOString(),
    });
    expect(await canStop(admin)).toEqual([false]);
  });
});
