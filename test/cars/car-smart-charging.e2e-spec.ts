import { LimitTestStation } from '../limits/support/limit-test-station';
import { createCompany, createSite, createStationIn } from '../organizations/support/organizations';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { TestApp, startTestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';

/** Catalog models (Open EV Data): a plug-in hybrid taking 3.7 kW on one phase (16.1 A)… */
const AUDI_A3_E_TRON = 'c8e05c0b-05c0-4aac-9f12-35a6a3687e10';
/** …and a car taking 22 kW on three phases (31.9 A each). */
const AUDI_E_TRON_22KW = '27d7610e-9a77-498a-b1b5-28d4bc92cbf2';
const CREATE_CAR = 'mutation ($input: CreateCarInput!) { createCar(input: $input) { id } }';

describe('cars in smart charging', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  const stations: LimitTestStation[] = [];

  /** The current limit (A per phase) and phases of the first period of the last TxProfile a station got. */
  const lastProfile = (station: LimitTestStation) => {
    const profiles = station.calls('SetChargingProfile').map(
      (call) =>
        call.csChargingProfiles as {
          chargingProfilePurpose: string;
          chargingSchedule: {
            chargingRateUnit: string;
            chargingSchedulePeriod: { limit: number; numberPhases?: number }[];
          };
        },
    );
    const profile = profiles.filter((candidate) => candidate.chargingProfilePurpose === 'TxProfile').at(-1);
    if (!profile) return undefined;
    const [first] = profile.chargingSchedule.chargingSchedulePeriod;
    return {
      unit: profile.chargingSchedule.chargingRateUnit,
      limit: first.limit,
      phases: first.numberPhases,
    };
  };

  const bootStation = async (stationId: string): Promise<LimitTestStation> => {
    const station = await LimitTestStation.boot(server.wsUrl, stationId, 'Cars-SC');
    stations.push(station);
    await station.client.call('StatusNotification', {
      connectorId: 1,
      status: 'Preparing',
      errorCode: 'NoError',
    });
    return station;
  };

  /** Every limit of every TxProfile the station got, A. */
  const txLimits = (station: LimitTestStation): number[] =>
    station
      .calls('SetChargingProfile')
      .map(
        (call) =>
          call.csChargingProfiles as {
            chargingProfilePurpose: string;
            chargingSchedule: { chargingSchedulePeriod: { limit: number }[] };
          },
      )
      .filter((profile) => profile.chargingProfilePurpose === 'TxProfile')
      .flatMap((profile) => profile.chargingSchedule.chargingSchedulePeriod.map((period) => period.limit));

  /** A driver with cars of these catalog models (the first their default) and a badge. */
  const driverWithCars = async (badge: string, ...carModelIds: string[]) => {
    const driver = await createUserAndLogin(admin, 'BASIC');
    const carIds: string[] = [];
    for (const carModelId of carModelIds) {
      carIds.push(
        (await driver.client.data<{ createCar: { id: string } }>(CREATE_CAR, { input: { carModelId } }))
          .createCar.id,
      );
    }
    await createTag(admin, { id: badge, userId: driver.id });
    return { ...driver, carIds };
  };

  /** A driver with one car of this catalog model, charging at a new station. */
  const driverCharging = async (stationId: string, carModelId: string): Promise<LimitTestStation> => {
    await driverWithCars(`${stationId}-TAG`, carModelId);
    const station = await bootStation(stationId);
    await station.startTransaction(1, `${stationId}-TAG`, new Date());
    return station;
  };

  const profiles = (...charging: LimitTestStation[]) =>
    eventually(
      () => Promise.resolve(charging.map(lastProfile)),
      (found) => found.every((profile) => profile !== undefined),
      30_000,
    );

  beforeAll(async () => {
    server = await startTestApp('cars_smart_charging', { SMART_CHARGING_DEBOUNCE_MS: '200' });
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    const companyId = await createCompany(admin, 'Fleet');
    const siteId = await createSite(admin, companyId, 'Depot');
    // A generous area fuse: only what each car takes can limit its session.
    const { createSiteArea } = await admin.data<{ createSiteArea: { id: string } }>(
      `mutation($s: ID!) { createSiteArea(input: { name: "Bays", siteId: $s, numberOfPhases: 3, voltage: 230,
        maximumCurrentAmps: 200, smartCharging: true }) { id } }`,
      { s: siteId },
    );
    for (const id of ['CS-CAR-LOW', 'CS-CAR-HIGH', 'CS-CAR-CHOSEN'])
      await createStationIn(admin, id, createSiteArea.id);
  });

  afterAll(async () => {
    await Promise.all(stations.map((station) => station.close()));
    await server?.close();
  });

  it('caps the profile of a session at its driver’s catalog car’s AC limit, while a bigger car gets more', async () => {
    const low = await driverCharging('CS-CAR-LOW', AUDI_A3_E_TRON);
    const high = await driverCharging('CS-CAR-HIGH', AUDI_E_TRON_22KW);
    const [lowProfile, highProfile] = await profiles(low, high);
    // 3.7 kW on one phase at 230 V: at most 16.1 A, on one phase.
    expect(lowProfile).toMatchObject({ unit: 'A', phases: 1 });
    expect(Math.max(...txLimits(low))).toBeLessThanOrEqual(16.1);
    expect(lowProfile!.limit).toBeGreaterThan(6);
    // The 22 kW car is given more than the small charger could take.
    expect(highProfile!.unit).toBe('A');
    expect(highProfile!.limit).toBeGreaterThan(16.1);
  });

  it('charges the car chosen in the remote start rather than the driver’s default car, and refuses another’s car', async () => {
    // Their default is the 22 kW car; they choose their small plug-in hybrid for this session.
    const driver = await driverWithCars('CHOOSER-TAG', AUDI_E_TRON_22KW, AUDI_A3_E_TRON);
    const [, smallCar] = driver.carIds;
    const station = await bootStation('CS-CAR-CHOSEN');
    station.client.handle('RemoteStartTransaction', async ({ params }) => {
      const { idTag } = params as { idTag: string };
      setTimeout(() => void station.startTransaction(1, idTag, new Date()), 50);
      return { status: 'Accepted' };
    });
    const START = `mutation($carId: ID) { remoteStartTransaction(chargingStationId: "CS-CAR-CHOSEN", connectorId: 1,
      tagId: "CHOOSER-TAG", carId: $carId) { status } }`;
    const stranger = await driverWithCars('STRANGER-TAG', AUDI_E_TRON_22KW);
    expect(await driver.client.errorCode(START, { carId: stranger.carIds[0] })).toBe('BAD_USER_INPUT');
    expect(await driver.client.data(START, { carId: smallCar })).toEqual({
      remoteStartTransaction: { status: 'Accepted' },
    });
    const [profile] = await profiles(station);
    expect(profile).toMatchObject({ unit: 'A', phases: 1 });
    // Never more, not even in a plan made before the session's car was noted.
    expect(Math.max(...txLimits(station))).toBeLessThanOrEqual(16.1);
    const { transactions } = await eventually(
      () =>
        driver.client.data<{ transactions: { edges: { node: { car: { id: string } | null } }[] } }>(
          '{ transactions(first: 5) { edges { node { car { id } } } } }',
        ),
      (page) => page.transactions.edges[0]?.node.car !== null && page.transactions.edges.length === 1,
    );
    expect(transactions.edges[0].node.car).toEqual({ id: smallCar });
  });
});
