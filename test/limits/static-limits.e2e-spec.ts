import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import {
  createCompany,
  createSite,
  createSiteArea,
  createStationIn,
} from '../organizations/support/organizations';
import { LimitTestStation } from './support/limit-test-station';
import { WALLBOX_CAPABILITIES, templateApplied } from '../support/template-capabilities';

/** Two 16 A three-phase sockets at 230 V: 10 A on one connector is 6900 W. */
const SMART_TEMPLATE = {
  name: 'Limits e2e: smart wallbox',
  vendorPattern: '^Limits-Smart$',
  ocppVersions: ['1.6'],
  technical: {
    maximumPowerWatts: 22080,
    voltage: 230,
    connectors: [1, 2].map((connectorId) => ({
      connectorId,
      type: 'Type2',
      powerWatts: 11040,
      amperage: 16,
      numberOfPhases: 3,
      currentType: 'AC',
    })),
  },
  capabilities: WALLBOX_CAPABILITIES,
};

const KEY_TEMPLATE = {
  ...SMART_TEMPLATE,
  name: 'Limits e2e: wallbox without smart charging',
  vendorPattern: '^Limits-Static$',
  capabilities: { ...WALLBOX_CAPABILITIES, chargingProfiles: false, staticLimitation: true },
  staticPowerLimitationKey: 'MaxStationPowerW',
};

const LIMIT = 'status reason stationStatus limit { connectorId watts amps unit method appliedAt }';
const SET = `mutation($id: ID!, $connectorId: Int!, $limit: Float!, $unit: ChargingRateUnit!) {
  setChargingStationLimit(chargingStationId: $id, connectorId: $connectorId, limit: $limit, unit: $unit) { ${LIMIT} } }`;
const CLEAR = `mutation($id: ID!, $connectorId: Int!) {
  clearChargingStationLimit(chargingStationId: $id, connectorId: $connectorId) { ${LIMIT} } }`;
const SITE_AREA = `mutation($id: ID!, $limitWatts: Float!) { setSiteAreaLimit(siteAreaId: $id, limitWatts: $limitWatts) {
  siteAreaId limitWatts shareWatts stations { chargingStationId connectorId ${LIMIT} } } }`;

interface LimitView {
  connectorId: number;
  watts: number;
  amps: number | null;
  unit: string;
  method: string;
  appliedAt: string;
}
interface LimitResult {
  status: string;
  reason: string | null;
  stationStatus: string | null;
  limit: LimitView | null;
}
interface StationLimits {
  staticLimit: LimitView | null;
  connectors: { connectorId: number; staticLimit: LimitView | null }[];
}

const minutesAfter = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('static energy management: station, connector and site-area limits', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let basic: GraphQLClient;
  const stations: LimitTestStation[] = [];

  const boot = async (id: string, vendor: string): Promise<LimitTestStation> => {
    const station = await LimitTestStation.boot(server.wsUrl, id, vendor);
    stations.push(station);
    return station;
  };

  /** Boots a station its template matches and waits until the template is applied. */
  const bootWithTemplate = async (id: string, vendor: string): Promise<LimitTestStation> => {
    const station = await boot(id, vendor);
    await templateApplied(admin, id);
    return station;
  };

  const setLimit = async (id: string, connectorId: number, limit: number, unit: 'W' | 'A') =>
    (await admin.data<{ setChargingStationLimit: LimitResult }>(SET, { id, connectorId, limit, unit }))
      .setChargingStationLimit;

  const limitsOf = async (id: string): Promise<StationLimits> =>
    (
      await admin.data<{ chargingStation: StationLimits }>(
        `query($id: ID!) { chargingStation(id: $id) {
          staticLimit { connectorId watts amps unit method appliedAt }
          connectors { connectorId staticLimit { connectorId watts amps unit method appliedAt } } } }`,
        { id },
      )
    ).chargingStation;

  /** The limitWatts of the curve points of the station's active session, once it has `count` of them. */
  const curveLimits = async (stationId: string, count: number): Promise<(number | null)[]> => {
    const query = `query($id: ID!) { transactions(filter: { chargingStationId: $id, active: true }) {
      edges { node { consumptions { limitWatts } } } } }`;
    type Page = { transactions: { edges: { node: { consumptions: { limitWatts: number | null }[] } }[] } };
    const page = await eventually(
      () => admin.data<Page>(query, { id: stationId }),
      (data) => (data.transactions.edges[0]?.node.consumptions.length ?? 0) >= count,
    );
    return page.transactions.edges[0].node.consumptions.map((point) => point.limitWatts);
  };

  beforeAll(async () => {
    server = await startTestApp('static_limits', { OCPP_CALL_TIMEOUT_MS: '2500' });
    const superAdmin = await loginAsAdmin(server.httpUrl);
    for (const input of [SMART_TEMPLATE, KEY_TEMPLATE]) {
      await superAdmin.data(
        'mutation($input: StationTemplateInput!) { createStationTemplate(input: $input) { id } }',
        {
          input,
        },
      );
    }
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    basic = (await createUserAndLogin(superAdmin, 'BASIC')).client;
    await createTag(admin, { id: 'DRIVER' });
  });

  afterAll(async () => {
    await Promise.all(stations.map((station) => station.close()));
    await server.close();
  });

  it('limits a smart station by ChargePointMaxProfile, a connector by TxDefaultProfile; curves show it', async () => {
    const station = await bootWithTemplate('CS-SMART', 'Limits-Smart');

    const whole = await setLimit('CS-SMART', 0, 11000, 'W');
    expect(whole).toMatchObject({
      status: 'ACCEPTED',
      stationStatus: 'Accepted',
      limit: { connectorId: 0, watts: 11000, amps: null, unit: 'W', method: 'CHARGING_PROFILE' },
    });
    expect(station.calls('SetChargingProfile')).toEqual([
      {
        connectorId: 0,
        csChargingProfiles: {
          chargingProfileId: 900000,
          stackLevel: 1,
          chargingProfilePurpose: 'ChargePointMaxProfile',
          chargingProfileKind: 'Absolute',
          chargingSchedule: {
            startSchedule: expect.any(String),
            chargingRateUnit: 'W',
            chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }],
          },
        },
      },
    ]);
    const shown = await limitsOf('CS-SMART');
    expect(shown.staticLimit).toMatchObject({ watts: 11000, method: 'CHARGING_PROFILE' });
    expect(shown.connectors.map((connector) => connector.staticLimit)).toEqual([null, null]);

    // A session started under the station limit carries it on its curve.
    const start = new Date(Date.now() - 30 * 60_000);
    await station.startTransaction(1, 'DRIVER', start);
    await station.meterValue(1, minutesAfter(start, 1));
    await curveLimits('CS-SMART', 1);
    await station.meterValue(1, minutesAfter(start, 2));
    expect((await curveLimits('CS-SMART', 2)).at(-1)).toBe(11000);

    // 10 A on connector 1 (230 V × 3 phases = 6900 W) is below the station's 11 kW: it governs.
    const connector = await setLimit('CS-SMART', 1, 10, 'A');
    expect(connector).toMatchObject({
      status: 'ACCEPTED',
      limit: { connectorId: 1, watts: 6900, amps: 10, unit: 'A', method: 'CHARGING_PROFILE' },
    });
    expect(station.calls('SetChargingProfile').at(-1)).toEqual({
      connectorId: 1,
      csChargingProfiles: expect.objectContaining({
        chargingProfileId: 900001,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingSchedule: expect.objectContaining({
          chargingRateUnit: 'A',
          chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }],
        }),
      }),
    });
    await station.meterValue(1, minutesAfter(start, 3));
    expect((await curveLimits('CS-SMART', 3)).at(-1)).toBe(6900);
    expect((await limitsOf('CS-SMART')).connectors[0].staticLimit).toMatchObject({ watts: 6900, amps: 10 });

    // Cleared, the connector limit goes (its own profile id only) and the station limit governs again.
    const cleared = (
      await admin.data<{ clearChargingStationLimit: LimitResult }>(CLEAR, { id: 'CS-SMART', connectorId: 1 })
    ).clearChargingStationLimit;
    expect(cleared).toMatchObject({ status: 'ACCEPTED', limit: null });
    expect(station.calls('ClearChargingProfile')).toEqual([{ id: 900001 }]);
    await station.meterValue(1, minutesAfter(start, 4));
    // The first point may come before the session start has read the limits: not asserted.
    expect((await curveLimits('CS-SMART', 4)).slice(1)).toEqual([11000, 6900, 11000]);
    const after = await limitsOf('CS-SMART');
    expect(after.staticLimit?.watts).toBe(11000);
    expect(after.connectors[0].staticLimit).toBeNull();
  });

  it('reports a refusal and keeps no limit for a station that rejects the profile', async () => {
    const station = await bootWithTemplate('CS-REJECTS', 'Limits-Smart');
    station.answers.set('SetChargingProfile', { status: 'Rejected' });
    const result = await setLimit('CS-REJECTS', 0, 7400, 'W');
    expect(result).toMatchObject({ status: 'REJECTED', stationStatus: 'Rejected', limit: null });
    expect(result.reason).toContain('Rejected');
    expect(station.calls('SetChargingProfile')).toHaveLength(1);
    expect((await limitsOf('CS-REJECTS')).staticLimit).toBeNull();
  });

  it('reports an offline station without storing anything', async () => {
    await admin.data('mutation { createChargingStation(input: { id: "CS-ASLEEP" }) { id } }');
    const result = await setLimit('CS-ASLEEP', 0, 7400, 'W');
    expect(result).toMatchObject({ status: 'OFFLINE', stationStatus: null, limit: null });
    expect((await limitsOf('CS-ASLEEP')).staticLimit).toBeNull();
  });

  it('limits a station without smart charging through its template configuration key', async () => {
    const station = await bootWithTemplate('CS-KEY', 'Limits-Static');
    const result = await setLimit('CS-KEY', 0, 7400, 'W');
    expect(result).toMatchObject({
      status: 'ACCEPTED',
      limit: { connectorId: 0, watts: 7400, unit: 'W', method: 'CONFIGURATION_KEY' },
    });
    expect(station.calls('ChangeConfiguration')).toEqual([{ key: 'MaxStationPowerW', value: '7400' }]);
    expect(station.calls('SetChargingProfile')).toEqual([]);
    expect((await limitsOf('CS-KEY')).staticLimit).toMatchObject({
      watts: 7400,
      method: 'CONFIGURATION_KEY',
    });

    // The key limits the whole station: a connector limit cannot be expressed and is not sent.
    const connector = await setLimit('CS-KEY', 1, 3000, 'W');
    expect(connector.status).toBe('NOT_SUPPORTED');
    expect(station.calls('ChangeConfiguration')).toHaveLength(1);
  });

  it('splits a site-area limit evenly over the stations of the area and its sub-area', async () => {
    const site = await createSite(admin, await createCompany(admin, 'Limits Co'), 'Depot');
    const area = await createSiteArea(admin, site, 'Main fuse');
    const subArea = await createSiteArea(admin, site, 'Garage', area);
    await createSiteArea(admin, site, 'Other fuse');
    await createStationIn(admin, 'CS-AREA-1', area);
    await createStationIn(admin, 'CS-AREA-2', subArea);
    // No template: capabilities unknown, so a charging profile is tried.
    const first = await boot('CS-AREA-1', 'Anyone');
    const second = await boot('CS-AREA-2', 'Anyone');

    const { setSiteAreaLimit } = await admin.data<{
      setSiteAreaLimit: { shareWatts: number; stations: (LimitResult & { chargingStationId: string })[] };
    }>(SITE_AREA, { id: area, limitWatts: 22001 });
    expect(setSiteAreaLimit.shareWatts).toBe(11000);
    expect(setSiteAreaLimit.stations.map((result) => [result.chargingStationId, result.status])).toEqual([
      ['CS-AREA-1', 'ACCEPTED'],
      ['CS-AREA-2', 'ACCEPTED'],
    ]);
    for (const station of [first, second]) {
      expect(station.calls('SetChargingProfile')).toEqual([
        expect.objectContaining({
          connectorId: 0,
          csChargingProfiles: expect.objectContaining({
            chargingProfilePurpose: 'ChargePointMaxProfile',
            chargingSchedule: expect.objectContaining({
              chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }],
            }),
          }),
        }),
      ]);
    }
    expect((await limitsOf('CS-AREA-2')).staticLimit).toMatchObject({ watts: 11000, unit: 'W' });
  });

  it('refuses BASIC users, and their attempts reach no station', async () => {
    const station = await boot('CS-BASIC', 'Anyone');
    const site = await createSite(admin, await createCompany(admin, 'Basic Co'), 'Lot');
    const area = await createSiteArea(admin, site, 'Fuse');
    expect(await basic.errorCode(SET, { id: 'CS-BASIC', connectorId: 0, limit: 1000, unit: 'W' })).toBe(
      'FORBIDDEN',
    );
    expect(await basic.errorCode(CLEAR, { id: 'CS-BASIC', connectorId: 0 })).toBe('FORBIDDEN');
    expect(await basic.errorCode(SITE_AREA, { id: area, limitWatts: 1000 })).toBe('FORBIDDEN');
    expect(station.received).toEqual([]);
    expect((await limitsOf('CS-BASIC')).staticLimit).toBeNull();
  });

  it('refuses bad input', async () => {
    expect(await admin.errorCode(SET, { id: 'CS-SMART', connectorId: 0, limit: -5, unit: 'W' })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await admin.errorCode(SET, { id: 'CS-SMART', connectorId: 9, limit: 1000, unit: 'W' })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await admin.errorCode(SET, { id: 'CS-NOWHERE', connectorId: 0, limit: 1000, unit: 'W' })).toBe(
      'NOT_FOUND',
    );
  });
});
