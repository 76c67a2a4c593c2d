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

  /** A driver with one car of this catalog model (their default), a badge, charging at a new station. */
  const driverCharging = async (stationId: string, carModelId: string): Promise<LimitTestStation> => {
    const driver = await createUserAndLogin(admin, 'BASIC');
    await driver.client.data(CREATE_CAR, { input: { carModelId } });
    const tag = `${stationId}-TAG`;
    await createTag(admin, { id: tag, userId: driver.id });
    const station = await LimitTestStation.boot(server.wsUrl, stationId, 'Cars-SC');
    stations.push(station);
    await station.client.call('StatusNotification', {
      connectorId: 1,
      status: 'Charging',
      errorCode: 'NoError',
    });
    await station.startTransaction(1, tag, new Date());
    return station;
  };

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
    for (const id of ['CS-CAR-LOW', 'CS-CAR-HIGH']) await createStationIn(admin, id, createSiteArea.id);
  });

  afterAll(async () => {
    await Promise.all(stations.map((station) => station.close()));
    await server?.close();
  });

  it('caps the profile of a session at its driver’s catalog car’s AC limit, while a bigger car gets more', async () => {
    const low = await driverCharging('CS-CAR-LOW', AUDI_A3_E_TRON);
    const high = await driverCharging('CS-CAR-HIGH', AUDI_E_TRON_22KW);
    const [lowProfile, highProfile] = await eventually(
      () => Promise.resolve([lastProfile(low), lastProfile(high)]),
      (profiles) => profiles.every((profile) => profile !== undefined),
      30_000,
    );
    // 3.7 kW on one phase at 230 V: at most 16.1 A, on one phase.
    expect(lowProfile).toMatchObject({ unit: 'A', phases: 1 });
    expect(lowProfile!.limit).toBeLessThanOrEqual(16.1);
    expect(lowProfile!.limit).toBeGreaterThan(6);
    // The 22 kW car is given more than the small charger could take.
    expect(highProfile!.unit).toBe('A');
    expect(highProfile!.limit).toBeGreaterThan(16.1);
  });
});
