import { asTenantId } from '@csms/common';
import { JobQueue } from '@csms/database';
import { SessionCarInfo } from '@csms/smart-charging';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { createStationIn } from '../organizations/support/organizations';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { PythonStation } from '../support/python-station';
import { TestApp, startTestApp } from '../support/test-app';
import { TestUser, createTag, createUserAndLogin, eventually } from '../support/users';
import { FakeCarData } from './support/fake-car-data';

interface Point {
  timestamp: string;
  cumulatedWh: number;
  stateOfCharge: number | null;
  stateOfChargeSource: 'STATION' | 'CAR' | null;
}

const SETTINGS_FIELDS =
  'enabled name grantType authorizeUrl tokenUrl clientId clientSecretSet clientSecretLast4 vehiclesUrl readingUrl mapping { vehicleList vehicleId vehicleVin stateOfCharge timestamp odometer range } redirectPath';
const UPDATE_SETTINGS = `mutation($input: CarConnectorSettingsInput!) { updateCarConnectorSettings(input: $input) { ${SETTINGS_FIELDS} } }`;
const CONNECTION =
  '{ carDataConnection { available name grantType connected connection { kind usable } lastReading { stateOfCharge rangeKm transactionId } } }';
const CURVE =
  'query($id: ID!) { transaction(id: $id) { active car { id } consumptions { timestamp cumulatedWh stateOfCharge stateOfChargeSource } } }';
const CREATE_CAR = 'mutation($input: CreateCarInput!) { createCar(input: $input) { id } }';
const DRIVER_VIN = '5YJ3E7EB0KF000001';
const COLLEAGUE_VIN = '5YJ3E7EB0KF000002';
const TENANT_B = 'carconn-b';

describe('car-data connector (a Tronity-shaped service, a Python OCPP 1.6 AC station)', () => {
  let server: TestApp;
  let service: FakeCarData;
  let superAdmin: GraphQLClient;
  let admin: GraphQLClient;
  let driver: TestUser;
  let colleague: TestUser;
  let station: PythonStation;
  let database: Connection;
  let carModelId: string;

  const settingsFor = (grantType: string) => ({
    enabled: true,
    name: 'TRONITY',
    grantType,
    authorizeUrl: `${service.baseUrl}/oauth/authorize`,
    tokenUrl: `${service.baseUrl}/authentication`,
    clientId: service.clientId,
    clientSecret: service.clientSecret,
    scope: 'tronity_battery tronity_vehicle_data',
    vehiclesUrl: `${service.baseUrl}/tronity/vehicles`,
    readingUrl: `${service.baseUrl}/tronity/vehicles/{vehicleId}/battery`,
  });

  const curve = async (client: GraphQLClient, id: string) =>
    (
      await client.data<{
        transaction: { active: boolean; car: { id: string } | null; consumptions: Point[] };
      }>(CURVE, { id })
    ).transaction;

  /** The station's next command and its answer. */
  async function command(peer: PythonStation, line: string, event: string) {
    peer.send(line);
    return peer.until(event, 60_000);
  }

  async function sessionOf(
    client: GraphQLClient,
    stationId: string,
    ocppTransactionId: number,
  ): Promise<string> {
    const { transactions } = await client.data<{
      transactions: { edges: { node: { id: string; ocppTransactionId: string } }[] };
    }>(
      'query($id: ID) { transactions(filter: { chargingStationId: $id }, first: 50) { edges { node { id ocppTransactionId } } } }',
      {
        id: stationId,
      },
    );
    return transactions.edges.find((edge) => edge.node.ocppTransactionId === String(ocppTransactionId))!.node
      .id;
  }

  const jobsOf = (tenant: string) => server.app.get(JobQueue).list(asTenantId(tenant), 'cars.soc');

  beforeAll(async () => {
    service = new FakeCarData();
    await service.start();
    server = await startTestApp('car-connector', {
      CAR_DATA_POLL_MS: '250',
      CAR_DATA_RETRY_BASE_MS: '150',
      JOBS_POLL_MS: '200',
      // Only the fake service's address: the rest of loopback stands for the CSMS's own network.
      OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32',
    });
    database = server.app.get<Connection>(getConnectionToken());
    superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    driver = await createUserAndLogin(superAdmin, 'BASIC');
    colleague = await createUserAndLogin(superAdmin, 'BASIC');
    await createTag(admin, { id: 'SOC-DRIVER', userId: driver.id });
    await createTag(admin, { id: 'SOC-COLLEAGUE', userId: colleague.id });
    const { carModels } = await driver.client.data<{ carModels: { edges: { node: { id: string } }[] } }>(
      '{ carModels(search: "tesla model 3", first: 1) { edges { node { id } } } }',
    );
    carModelId = carModels.edges[0].node.id;
    await driver.client.data(CREATE_CAR, { input: { carModelId, vin: DRIVER_VIN } });
    await colleague.client.data(CREATE_CAR, { input: { carModelId, vin: COLLEAGUE_VIN } });
    service.addVehicle('driver@tronity.example', DRIVER_VIN, 35);
    service.addVehicle('colleague@tronity.example', COLLEAGUE_VIN, 20);
    station = PythonStation.spawn('ocpp16_ac_station.py', [`${server.wsUrl}/ocpp/default`, 'SOC-AC-1']);
    expect((await station.next(60_000)).event).toBe('booted');
  });

  afterAll(async () => {
    station?.send('quit');
    station?.kill();
    await server?.close();
    await service?.stop();
  });

  it('keeps its settings to admins, validates them, and never returns or stores the secret in clear', async () => {
    expect(await driver.client.errorCode('{ carConnectorSettings { enabled } }')).toBe('FORBIDDEN');
    expect(await driver.client.errorCode(UPDATE_SETTINGS, { input: { enabled: false } })).toBe('FORBIDDEN');
    const refused = [
      { enabled: true },
      { enabled: false, tokenUrl: 'ftp://tronity/authentication' },
      { enabled: false, readingUrl: 'not a url {vin}' },
      { enabled: false, grantType: 'PASSWORD' },
      { enabled: false, mapping: { stateOfCharge: 'battery..level' } },
      { enabled: false, mapping: { timestamp: 'a b' } },
      { enabled: false, scope: 'two  spaces' },
      { ...settingsFor('AUTHORIZATION_CODE'), readingUrl: `${service.baseUrl}/tronity/vehicles/battery` },
      { ...settingsFor('AUTHORIZATION_CODE'), authorizeUrl: undefined },
    ];
    for (const input of refused)
      expect(await admin.errorCode(UPDATE_SETTINGS, { input })).toBe('BAD_USER_INPUT');
    expect(await driver.client.errorCode('mutation { connectCarData { url } }')).toBe('BAD_USER_INPUT');

    const { updateCarConnectorSettings } = await admin.data<{
      updateCarConnectorSettings: Record<string, unknown>;
    }>(UPDATE_SETTINGS, { input: settingsFor('AUTHORIZATION_CODE') });
    expect(updateCarConnectorSettings).toMatchObject({
      enabled: true,
      name: 'TRONITY',
      grantType: 'AUTHORIZATION_CODE',
      clientId: service.clientId,
      clientSecretSet: true,
      clientSecretLast4: '9876',
      redirectPath: '/connections/oauth2/callback',
      mapping: {
        vehicleList: 'data',
        vehicleId: 'id',
        vehicleVin: 'vin',
        stateOfCharge: 'level',
        timestamp: 'timestamp',
        odometer: 'odometer',
        range: 'range',
      },
    });
    expect(JSON.stringify(updateCarConnectorSettings)).not.toContain(service.clientSecret);
    const stored = await database.collection('car_connector_settings').findOne({ tenantId: 'default' });
    expect(JSON.stringify(stored)).not.toContain(service.clientSecret);
    expect(JSON.stringify(stored)).not.toContain(service.clientId);
    // A mapping changed path by path keeps the others.
    const { updateCarConnectorSettings: remapped } = await admin.data<{
      updateCarConnectorSettings: { mapping: Record<string, string> };
    }>(UPDATE_SETTINGS, { input: { enabled: true, mapping: { odometer: 'odo.km' } } });
    expect(remapped.mapping).toMatchObject({ odometer: 'odo.km', stateOfCharge: 'level' });
    await admin.data(UPDATE_SETTINGS, { input: { enabled: true, mapping: { odometer: 'odometer' } } });
  });

  it('connects a driver’s account through the authorization-code flow', async () => {
    expect(
      (await driver.client.data<{ carDataConnection: Record<string, unknown> }>(CONNECTION))
        .carDataConnection,
    ).toMatchObject({
      available: true,
      name: 'TRONITY',
      grantType: 'AUTHORIZATION_CODE',
      connected: false,
      connection: null,
    });
    const { connectCarData } = await driver.client.data<{ connectCarData: { url: string } }>(
      'mutation { connectCarData { url expiresAt } }',
    );
    const authorize = new URL(connectCarData.url);
    expect(authorize.origin + authorize.pathname).toBe(`${service.baseUrl}/oauth/authorize`);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${server.httpUrl}/connections/oauth2/callback`);
    service.account = 'driver@tronity.example';
    const consent = await fetch(connectCarData.url, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const done = await fetch(consent.headers.get('location')!);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('car-data account is connected');
    expect(service.grants).toEqual(['authorization_code']);
    expect(
      (await driver.client.data<{ carDataConnection: Record<string, unknown> }>(CONNECTION))
        .carDataConnection,
    ).toMatchObject({ connected: true, connection: { kind: 'car-data', usable: true } });
  });

  describe('a driver’s AC session', () => {
    let sessionId: string;

    const pointsOf = async () => (await curve(driver.client, sessionId)).consumptions;
    const lastPoint = async () => (await pointsOf()).at(-1)!;

    beforeAll(async () => {
      service.setLevel(DRIVER_VIN, 40);
      const started = await command(station, 'start SOC-DRIVER', 'started');
      expect(started.status).toBe('Accepted');
      sessionId = await sessionOf(admin, 'SOC-AC-1', started.transactionId as number);
    });

    it('puts the car’s state of charge on the curve, marked as the car’s, and follows it as it changes', async () => {
      await command(station, 'meter 1000', 'metered');
      const first = await eventually(lastPoint, (point) => point.stateOfCharge === 40, 30_000);
      expect(first.stateOfChargeSource).toBe('CAR');

      service.setLevel(DRIVER_VIN, 55);
      await command(station, 'meter 2000', 'metered');
      const second = await eventually(lastPoint, (point) => point.stateOfCharge === 55, 30_000);
      expect(second).toMatchObject({ cumulatedWh: 2000, stateOfChargeSource: 'CAR' });
      // The earlier point keeps what the car said then.
      expect((await pointsOf()).find((point) => point.cumulatedWh === 1000)).toMatchObject({
        stateOfCharge: 40,
        stateOfChargeSource: 'CAR',
      });
      const { carDataConnection } = await driver.client.data<{
        carDataConnection: { lastReading: { stateOfCharge: number; rangeKm: number; transactionId: string } };
      }>(CONNECTION);
      expect(carDataConnection.lastReading).toEqual({
        stateOfCharge: 55,
        rangeKm: 220,
        transactionId: sessionId,
      });
      // Only the driver's own token was used, and it saw only the driver's vehicle.
      expect(new Set(service.calls.map((call) => call.account))).toEqual(new Set(['driver@tronity.example']));
    });

    it('gives smart charging the car’s state of charge where the station reports none', async () => {
      const { transaction } = await driver.client.data<{
        transaction: { chargingStationId: string; startedAt: string };
      }>('query($id: ID!) { transaction(id: $id) { chargingStationId startedAt } }', { id: sessionId });
      const facts = await server.app.get(SessionCarInfo).factsOf(asTenantId('default'), [
        {
          transactionId: sessionId,
          chargingStationId: transaction.chargingStationId,
          connectorId: 1,
          startedAt: new Date(transaction.startedAt),
          userId: driver.id,
        },
      ]);
      expect(facts.get(sessionId)).toMatchObject({ stateOfCharge: 55, batteryWh: expect.any(Number) });
    });

    it('refreshes a rejected access token and reads on', async () => {
      service.revokeAccessTokens();
      service.setLevel(DRIVER_VIN, 60);
      await command(station, 'meter 3000', 'metered');
      await eventually(lastPoint, (point) => point.stateOfCharge === 60, 30_000);
      expect(service.grants).toEqual(['authorization_code', 'refresh_token']);
      expect(service.calls.some((call) => call.status === 401)).toBe(true);
    });

    it('waits out the service being down: the session goes on, then the curve gets the car’s state of charge, once', async () => {
      service.down = true;
      service.setLevel(DRIVER_VIN, 70);
      const failuresBefore = service.calls.filter((call) => call.status === 503).length;
      await command(station, 'meter 4000', 'metered');
      await eventually(
        async () => service.calls.filter((call) => call.status === 503).length,
        (failures) => failures >= failuresBefore + 2,
        30_000,
      );
      await command(station, 'meter 5000', 'metered');
      expect((await curve(driver.client, sessionId)).active).toBe(true);
      // Nothing new from the car meanwhile: the points since have none of its state of charge.
      expect(
        (await pointsOf()).filter((point) => point.cumulatedWh >= 4000).map((point) => point.stateOfCharge),
      ).toEqual([null, null]);
      service.down = false;
      await eventually(
        pointsOf,
        (points) => points.find((point) => point.cumulatedWh === 4000)?.stateOfCharge === 70,
        30_000,
      );
      const points = await pointsOf();
      expect(points.find((point) => point.cumulatedWh === 4000)?.stateOfChargeSource).toBe('CAR');
      // Nothing lost, nothing twice: one point per meter value, each reading stored once.
      const metered = points.filter((point) => point.cumulatedWh > 0);
      expect(metered.map((point) => point.cumulatedWh)).toEqual([1000, 2000, 3000, 4000, 5000]);
      expect(new Set(points.map((point) => point.timestamp)).size).toBe(points.length);
      const readings = await database
        .collection('car_soc_readings')
        .find({ tenantId: 'default', transactionId: sessionId })
        .toArray();
      expect(readings.map((reading) => reading.stateOfCharge).sort()).toEqual([40, 55, 60, 70]);
    });

    it('asks again at the next reading, without retrying, while the reading URL is on our own network', async () => {
      const guarded = settingsFor('AUTHORIZATION_CODE');
      const callsBefore = service.calls.length;
      await admin.data(UPDATE_SETTINGS, {
        input: { ...guarded, readingUrl: guarded.readingUrl.replace('127.0.0.1', '127.0.0.2') },
      });
      service.setLevel(DRIVER_VIN, 71);
      await command(station, 'meter 5500', 'metered');
      // The job comes back at its reading interval, and is never counted as failing.
      const [job] = await jobsOf('default');
      await eventually(
        () => jobsOf('default'),
        ([next]) => next.runAt.getTime() > job.runAt.getTime() + 250,
        30_000,
      );
      const [asked] = await jobsOf('default');
      expect(asked.attempts).toBe(0);
      expect(asked.lastError ?? '').not.toMatch(/refused/);
      // The vehicle list (on the allowed address) is read; the battery, on the refused one, never.
      expect(service.calls.slice(callsBefore).filter((call) => call.path.endsWith('/battery'))).toEqual([]);
      expect((await lastPoint()).stateOfCharge).toBeNull();

      await admin.data(UPDATE_SETTINGS, { input: guarded });
      await eventually(
        pointsOf,
        (points) => points.find((point) => point.cumulatedWh === 5500)?.stateOfCharge === 71,
        30_000,
      );
    });

    it('lets a station’s state of charge win over the car’s, and stops asking the car', async () => {
      service.setLevel(DRIVER_VIN, 72);
      await command(station, 'meter 6000 91', 'metered');
      const point = await eventually(lastPoint, (last) => last.cumulatedWh === 6000);
      expect(point).toMatchObject({ stateOfCharge: 91, stateOfChargeSource: 'STATION' });
      await eventually(jobsOf.bind(null, 'default'), (jobs) => jobs.length === 0, 30_000);
      expect(await lastPoint()).toMatchObject({ stateOfCharge: 91, stateOfChargeSource: 'STATION' });
      await command(station, 'stop 6000', 'stopped');
    });
  });

  it('never reads a car with another user’s connection, nor for a driver who disconnected', async () => {
    const callsBefore = service.calls.length;
    const started = await command(station, 'start SOC-COLLEAGUE', 'started');
    const colleagueSession = await sessionOf(admin, 'SOC-AC-1', started.transactionId as number);
    await command(station, 'meter 1500', 'metered');
    // The session has its car: the decision to follow it (or not) is taken.
    await eventually(
      () => curve(colleague.client, colleagueSession),
      (session) => session.car !== null,
    );
    expect(await jobsOf('default')).toEqual([]);
    await command(station, 'stop 1500', 'stopped');
    const { consumptions } = await curve(colleague.client, colleagueSession);
    expect(consumptions.some((point) => point.stateOfChargeSource === 'CAR')).toBe(false);
    expect(service.calls.slice(callsBefore)).toEqual([]);

    expect(await driver.client.data('mutation { disconnectCarData }')).toEqual({ disconnectCarData: true });
    expect(
      (await driver.client.data<{ carDataConnection: Record<string, unknown> }>(CONNECTION))
        .carDataConnection,
    ).toMatchObject({ connected: false, connection: null });
    const again = await command(station, 'start SOC-DRIVER', 'started');
    const laterSession = await sessionOf(admin, 'SOC-AC-1', again.transactionId as number);
    await eventually(
      () => curve(driver.client, laterSession),
      (session) => session.car !== null,
    );
    expect(await jobsOf('default')).toEqual([]);
    await command(station, 'stop 1000', 'stopped');
    expect(service.calls.slice(callsBefore)).toEqual([]);
  });

  it('reads with the tenant’s own account (client credentials) in another tenant, never the first tenant’s driver’s', async () => {
    await superAdmin.data('mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', {
      input: {
        id: TENANT_B,
        name: 'Fleet B',
        adminEmail: 'boss@fleet-b.test',
        adminPassword: 'Fleet-B-Admin-1',
      },
    });
    const adminB = await new GraphQLClient(server.httpUrl).login(
      'boss@fleet-b.test',
      'Fleet-B-Admin-1',
      TENANT_B,
    );
    const fleetDriver = await createUserAndLogin(adminB, 'BASIC', TENANT_B);
    await createTag(adminB, { id: 'SOC-FLEET', userId: fleetDriver.id });
    // The same car (VIN) as the first tenant's driver: B's account must read it, not A's driver's token.
    await fleetDriver.client.data(CREATE_CAR, { input: { carModelId, vin: DRIVER_VIN } });
    await adminB.data(UPDATE_SETTINGS, { input: settingsFor('CLIENT_CREDENTIALS') });
    await createStationIn(adminB, 'SOC-FLEET-1');
    expect(
      (await fleetDriver.client.data<{ carDataConnection: Record<string, unknown> }>(CONNECTION))
        .carDataConnection,
    ).toMatchObject({ available: true, grantType: 'CLIENT_CREDENTIALS', connected: true, connection: null });
    expect(await fleetDriver.client.errorCode('mutation { connectCarData { url } }')).toBe('BAD_USER_INPUT');

    const fleetStation = PythonStation.spawn('ocpp16_ac_station.py', [
      `${server.wsUrl}/ocpp/${TENANT_B}`,
      'SOC-FLEET-1',
    ]);
    try {
      expect((await fleetStation.next(60_000)).event).toBe('booted');
      service.setLevel(DRIVER_VIN, 48);
      const callsBefore = service.calls.length;
      const started = await command(fleetStation, 'start SOC-FLEET', 'started');
      expect(started.status).toBe('Accepted');
      const session = await sessionOf(adminB, 'SOC-FLEET-1', started.transactionId as number);
      await command(fleetStation, 'meter 800', 'metered');
      const point = await eventually(
        async () => (await curve(fleetDriver.client, session)).consumptions.at(-1),
        (last) => last?.stateOfCharge === 48,
        30_000,
      );
      expect(point?.stateOfChargeSource).toBe('CAR');
      expect(service.grants).toContain('client_credentials');
      expect(new Set(service.calls.slice(callsBefore).map((call) => call.account))).toEqual(new Set(['app']));
      await command(fleetStation, 'stop 800', 'stopped');
    } finally {
      fleetStation.send('quit');
      fleetStation.kill();
    }
    // The first tenant's driver's readings are the first tenant's only.
    expect(await database.collection('car_soc_readings').countDocuments({ tenantId: TENANT_B })).toBe(1);
  });
});
