import { ProfileSender } from '@csms/smart-charging/planning/profile-sender';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { Subscription, graphqlWsClient, subscribe } from '../support/subscriptions';
import { TestApp, startTestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import {
  PLAN_FIELDS,
  PlanConnector,
  PlanView,
  SimulatedFleet,
  createArea,
  createSite,
  placeStations,
  planOf,
  singlePhaseCar,
  threePhaseCar,
} from './support/smart-charging-fleet';

const TAG = 'SCC-DRIVER';
/** A catalog model (Open EV Data) whose battery is known: 22 kW on three phases, 86.5 kWh. */
const AUDI_E_TRON_22KW = '27d7610e-9a77-498a-b1b5-28d4bc92cbf2';
const TENANT_B = 'sc-control-b';
const SLOT_MS = 15 * 60_000;
const TRIGGER = `mutation($id: ID!) { triggerSmartCharging(siteAreaId: $id) { ${PLAN_FIELDS} } }`;
const PLAN_UPDATED = `subscription($id: ID!) { smartChargingPlanUpdated(siteAreaId: $id) { ${PLAN_FIELDS} } }`;
const PREFERENCES = `mutation($input: ChargingPreferencesInput!) { setChargingPreferences(input: $input) {
  transactionId departureAt targetSoc } }`;
const LOADS = `query($id: ID!, $from: DateTime, $to: DateTime, $limit: Int) {
  siteAreaLoads(siteAreaId: $id, from: $from, to: $to, limit: $limit) {
    siteAreaId timestamp ampsL1 ampsL2 ampsL3 limitAmps } }`;

interface LoadPoint {
  siteAreaId: string;
  timestamp: string;
  ampsL1: number;
  ampsL2: number;
  ampsL3: number;
  limitAmps: number | null;
}

/**
 * Smart charging's controls, on the real app with simulated stations that obey their profiles: the
 * trigger and the plan subscription, the driver's preferences, SuspendedEV, phase rotation, the area's
 * stored load curve, and an asset left out of smart charging. Hall (32 A) holds SCC-0001..3; its
 * sub-area Bay holds SCC-0004, whose connector's L1 is wired to grid L3 (TRS).
 */
describe('smart charging controls: trigger, plan subscription, preferences, SuspendedEV, wiring, loads', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let adminB: GraphQLClient;
  let hallId: string;
  let bayId: string;
  let areaB: string;
  let fleet: SimulatedFleet;
  let plansA: Subscription<{ smartChargingPlanUpdated: PlanView }>;
  let plansB: Subscription<{ smartChargingPlanUpdated: PlanView }>;

  const trigger = async (client: GraphQLClient, id: string): Promise<PlanView> =>
    (await client.data<{ triggerSmartCharging: PlanView }>(TRIGGER, { id })).triggerSmartCharging;
  const computedAt = async (client: GraphQLClient, id: string): Promise<string | undefined> =>
    (
      await client.data<{ smartChargingPlan: { computedAt: string } | null }>(
        'query($id: ID!) { smartChargingPlan(siteAreaId: $id) { computedAt } }',
        { id },
      )
    ).smartChargingPlan?.computedAt;
  const hallPlan = (): Promise<PlanConnector[]> => planOf(admin, hallId);
  const connectorOf = (connectors: PlanConnector[], stationId: string): PlanConnector | undefined =>
    connectors.find((connector) => connector.chargingStationId === stationId && connector.transactionId);
  const firstLimit = (connectors: PlanConnector[], stationId: string): number | null | undefined =>
    connectorOf(connectors, stationId)?.periods[0]?.limitAmps;

  beforeAll(async () => {
    server = await startTestApp('smart_charging_control', {
      SMART_CHARGING_DEBOUNCE_MS: '300',
      SMART_CHARGING_LOAD_INTERVAL_SECONDS: '1',
      SMART_CHARGING_RETRY_DELAY_MS: '200',
    });
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    const siteId = await createSite(admin, 'Depot');
    hallId = await createArea(admin, siteId, { name: 'Hall', maximumCurrentAmps: 32 });
    bayId = await createArea(admin, siteId, {
      name: 'Bay',
      maximumCurrentAmps: 32,
      parentSiteAreaId: hallId,
    });
    await placeStations(admin, ['SCC-0001', 'SCC-0002', 'SCC-0003'], hallId);
    await placeStations(admin, ['SCC-0004'], bayId);
    await createTag(admin, { id: TAG });
    const { setConnectorWiring } = await admin.data<{ setConnectorWiring: { phaseRotation: string } }>(
      `mutation { setConnectorWiring(input: { chargingStationId: "SCC-0004", connectorId: 1, phaseRotation: TRS }) {
        phaseRotation } }`,
    );
    expect(setConnectorWiring.phaseRotation).toBe('TRS');

    await superAdmin.data('mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', {
      input: {
        id: TENANT_B,
        name: 'Other fleet',
        adminEmail: 'boss@sc-b.test',
        adminPassword: 'Sc-B-Admin-1',
      },
    });
    adminB = await new GraphQLClient(server.httpUrl).login('boss@sc-b.test', 'Sc-B-Admin-1', TENANT_B);
    areaB = await createArea(adminB, await createSite(adminB, 'Elsewhere'), {
      name: 'Other',
      maximumCurrentAmps: 16,
    });

    fleet = await SimulatedFleet.start(`${server.wsUrl}/ocpp/default`, TAG, [
      { stations: 4, idPrefix: 'SCC' },
    ]);
  });

  afterAll(async () => {
    await Promise.all([plansA?.close(), plansB?.close()]);
    await fleet?.stop();
    await server?.close();
  });

  it('refuses to trigger an unknown area, an area of another tenant, and a user without the right', async () => {
    const demo = (await createUserAndLogin(admin, 'DEMO')).client;
    const basic = (await createUserAndLogin(admin, 'BASIC')).client;
    // Tenant B's area was planned once, when it was created with smart charging on.
    const plannedB = await eventually(
      () => computedAt(adminB, areaB),
      (at) => at !== undefined,
    );
    expect(await admin.errorCode(TRIGGER, { id: 'no-such-area' })).toBe('NOT_FOUND');
    expect(await admin.errorCode(TRIGGER, { id: areaB })).toBe('NOT_FOUND');
    expect(await demo.errorCode(TRIGGER, { id: hallId })).toBe('FORBIDDEN');
    expect(await basic.errorCode(TRIGGER, { id: hallId })).toBe('FORBIDDEN');
    // The other tenant's area was not planned by the attempt.
    expect(await computedAt(adminB, areaB)).toBe(plannedB);
    // Nor may a subscriber watch another tenant's area.
    const intruder = subscribe(graphqlWsClient(server.wsUrl, admin.bearer), PLAN_UPDATED, { id: areaB });
    await expect(intruder.next(10_000)).rejects.toThrow(/not found/i);
    await intruder.close();
  });

  it('triggerSmartCharging plans the whole tree now and returns it; subscribers of the area get each new plan, never another tenant’s', async () => {
    plansA = subscribe(graphqlWsClient(server.wsUrl, admin.bearer), PLAN_UPDATED, { id: hallId });
    plansB = subscribe(graphqlWsClient(server.wsUrl, adminB.bearer), PLAN_UPDATED, { id: areaB });
    for (const id of ['SCC-0001', 'SCC-0002', 'SCC-0003']) await fleet.plug(id, threePhaseCar(id));
    await fleet.drawing({ 'SCC-0001': 10.6, 'SCC-0002': 10.6, 'SCC-0003': 10.6 });

    const planned = await trigger(admin, hallId);
    expect(planned.siteAreaId).toBe(hallId);
    const charging = planned.connectors.filter((connector) => connector.transactionId);
    expect(charging.map((connector) => connector.chargingStationId)).toEqual([
      'SCC-0001',
      'SCC-0002',
      'SCC-0003',
    ]);
    for (const connector of charging) {
      expect(connector.periods[0].limitAmps).toBe(10.6);
      expect(connector.reasonCode).toBe('FUSE');
    }
    // Triggered from the sub-area, the whole tree is planned: Hall's plan is the same run.
    const fromBay = await trigger(admin, bayId);
    expect(fromBay.siteAreaId).toBe(bayId);
    expect(fromBay.connectors.filter((connector) => connector.transactionId)).toEqual([]);
    expect(await computedAt(admin, hallId)).toBe(fromBay.computedAt);

    // The subscriber of Hall receives the triggered plan, as Hall shows it.
    let event = (await plansA.next(10_000)).smartChargingPlanUpdated;
    while (event.computedAt !== planned.computedAt)
      event = (await plansA.next(10_000)).smartChargingPlanUpdated;
    expect(event).toEqual(planned);
    // Tenant B's subscriber received none of those plans: its first event is its own area's plan.
    const planB = await trigger(adminB, areaB);
    const firstB = (await plansB.next(10_000)).smartChargingPlanUpdated;
    expect(firstB).toEqual(planB);
    expect(firstB.siteAreaId).toBe(areaB);
  });

  it('validates the driver’s preferences: BAD_USER_INPUT on nonsense, NOT_FOUND for a session not theirs', async () => {
    const transactionId = connectorOf(await hallPlan(), 'SCC-0001')!.transactionId!;
    const invalid = [
      { transactionId, targetSoc: 0 },
      { transactionId, targetSoc: 101 },
      { transactionId, departureAt: 'tomorrow' },
      { transactionId, departureAt: new Date(Date.now() - 3_600_000).toISOString() },
    ];
    for (const input of invalid) {
      expect(await admin.errorCode(PREFERENCES, { input })).toBe('BAD_USER_INPUT');
    }
    expect(
      await admin.errorCode(PREFERENCES, { input: { transactionId: 'no-such-session', targetSoc: 80 } }),
    ).toBe('NOT_FOUND');
    const driver = (await createUserAndLogin(admin, 'BASIC')).client;
    expect(await driver.errorCode(PREFERENCES, { input: { transactionId, targetSoc: 80 } })).toBe(
      'NOT_FOUND',
    );
    expect(await adminB.errorCode(PREFERENCES, { input: { transactionId, targetSoc: 80 } })).toBe(
      'NOT_FOUND',
    );
    // Nothing refused reached the plan: the car still charges at its share all along the horizon.
    const periods = connectorOf(await hallPlan(), 'SCC-0001')!.periods;
    expect(periods.every((period) => (period.limitAmps ?? 0) > 0)).toBe(true);
  });

  it('plans to the driver’s departure: the car gets nothing after it, and the others share its part of the fuse', async () => {
    const transactionId = connectorOf(await hallPlan(), 'SCC-0001')!.transactionId!;
    // Two slots and a bit from now: the car leaves within the horizon.
    const departureAt = new Date(Math.ceil(Date.now() / SLOT_MS) * SLOT_MS + 2 * SLOT_MS);
    const { setChargingPreferences } = await admin.data<{
      setChargingPreferences: { transactionId: string; departureAt: string; targetSoc: number | null };
    }>(PREFERENCES, { input: { transactionId, departureAt: departureAt.toISOString() } });
    expect(setChargingPreferences).toEqual({
      transactionId,
      departureAt: departureAt.toISOString(),
      targetSoc: null,
    });
    // A later word of the driver keeps what it does not change.
    const { setChargingPreferences: merged } = await admin.data<{
      setChargingPreferences: { departureAt: string; targetSoc: number };
    }>(PREFERENCES, { input: { transactionId, targetSoc: 90 } });
    expect(merged).toEqual({ transactionId, departureAt: departureAt.toISOString(), targetSoc: 90 });

    const plan = await eventually(hallPlan, (connectors) =>
      connectorOf(connectors, 'SCC-0001')!.periods.some((period) => period.limitAmps === 0),
    );
    const leaving = connectorOf(plan, 'SCC-0001')!;
    const gone = leaving.periods.find((period) => period.limitAmps === 0)!;
    expect(Date.parse(gone.start)).toBe(departureAt.getTime());
    expect(leaving.periods[leaving.periods.length - 1].limitAmps).toBe(0);
    // Until it leaves the three share 32 A; from then on the other two share it.
    expect(leaving.periods[0].limitAmps).toBe(10.6);
    for (const id of ['SCC-0002', 'SCC-0003']) {
      const periods = connectorOf(plan, id)!.periods;
      expect(periods[0].limitAmps).toBe(10.6);
      expect(periods.find((period) => Date.parse(period.start) === departureAt.getTime())?.limitAmps).toBe(
        16,
      );
    }
  });

  it('plans again when a car pauses itself (SuspendedEV): it keeps the minimum, the others get its share, and back', async () => {
    const session = fleet.station('SCC-0002').connectors[0].session!;
    const ev = session.ev;
    // The car stops drawing by itself: the station reports SuspendedEV.
    session.ev = { ...ev, maxPowerW: 0 };
    const paused = await eventually(hallPlan, (connectors) =>
      /SuspendedEV/.test(connectorOf(connectors, 'SCC-0002')?.reason ?? ''),
    );
    expect(firstLimit(paused, 'SCC-0002')).toBe(6);
    expect(firstLimit(paused, 'SCC-0001')).toBe(13);
    expect(firstLimit(paused, 'SCC-0003')).toBe(13);
    await fleet.drawing({ 'SCC-0001': 13, 'SCC-0003': 13 });

    session.ev = ev;
    await fleet.drawing({ 'SCC-0001': 10.6, 'SCC-0002': 10.6, 'SCC-0003': 10.6 });
  });

  it('puts a single-phase car on a connector wired TRS on grid L3, where the load curve shows it', async () => {
    await fleet.plug('SCC-0004', singlePhaseCar);
    // Grid L3 carries four cars: it binds at 8 A each.
    await fleet.drawing({ 'SCC-0001': 8, 'SCC-0002': 8, 'SCC-0003': 8, 'SCC-0004': 8 });
    // The station meters the car on its own L1.
    expect(fleet.drawn('SCC-0004').map((amps) => amps > 0.5)).toEqual([true, false, false]);
    const plan = await eventually(
      hallPlan,
      (connectors) => connectorOf(connectors, 'SCC-0004')?.gridPhases.length === 1,
    );
    expect(connectorOf(plan, 'SCC-0004')!.gridPhases).toEqual([3]);
    expect(connectorOf(plan, 'SCC-0001')!.gridPhases).toEqual([1, 2, 3]);
  });

  it('siteAreaLoads gives the stored load curve per phase beside the fuse, the sub-area’s included', async () => {
    const since = new Date().toISOString();
    // A point stored from now on: the three-phase cars on every phase, the single-phase one on L3.
    const { siteAreaLoads } = await eventually(
      () => admin.data<{ siteAreaLoads: LoadPoint[] }>(LOADS, { id: hallId, from: since }),
      (result) => result.siteAreaLoads.length >= 2,
    );
    const latest = siteAreaLoads[siteAreaLoads.length - 1];
    expect(latest).toMatchObject({ siteAreaId: hallId, limitAmps: 32 });
    expect(latest.ampsL1).toBeCloseTo(24, 0);
    expect(latest.ampsL2).toBeCloseTo(24, 0);
    expect(latest.ampsL3).toBeCloseTo(32, 0);
    const times = siteAreaLoads.map((point) => Date.parse(point.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((time) => time >= Date.parse(since))).toBe(true);

    const bay = (
      await admin.data<{ siteAreaLoads: LoadPoint[] }>(LOADS, { id: bayId, from: since, limit: 1 })
    ).siteAreaLoads;
    expect(bay).toHaveLength(1);
    expect(bay[0].ampsL1).toBeCloseTo(0, 0);
    expect(bay[0].ampsL3).toBeCloseTo(8, 0);

    // `limit` keeps the latest points of the window; `to` ends it.
    const to = latest.timestamp;
    const window = async (limit?: number): Promise<string[]> =>
      (
        await admin.data<{ siteAreaLoads: LoadPoint[] }>(LOADS, { id: hallId, from: since, to, limit })
      ).siteAreaLoads.map((point) => point.timestamp);
    const all = await window();
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(await window(2)).toEqual(all.slice(-2));
    const before = (await admin.data<{ siteAreaLoads: LoadPoint[] }>(LOADS, { id: hallId, to: since }))
      .siteAreaLoads;
    expect(before.every((point) => Date.parse(point.timestamp) <= Date.parse(since))).toBe(true);

    expect(await admin.errorCode(LOADS, { id: hallId, limit: 0 })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(LOADS, { id: hallId, from: 'yesterday' })).toBe('BAD_USER_INPUT');
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(await admin.errorCode(LOADS, { id: hallId, from: later, to: since })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(LOADS, { id: hallId, from: since, to: since })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(LOADS, { id: 'no-such-area' })).toBe('NOT_FOUND');
    expect(await adminB.errorCode(LOADS, { id: hallId })).toBe('NOT_FOUND');
  });

  it('does not subtract an asset excluded from smart charging from the fuse; the same asset counted does', async () => {
    // A building drawing 3 A on each phase (static value).
    const { createAsset } = await admin.data<{ createAsset: { asset: { id: string } } }>(
      `mutation($a: ID!) { createAsset(input: { name: "Workshop", type: BUILDING, siteAreaId: $a,
        staticValueWatts: 2070, excludeFromSmartCharging: true }) { asset { id } } }`,
      { a: hallId },
    );
    const exclude = (excluded: boolean) =>
      admin.data(
        'mutation($id: ID!, $x: Boolean) { updateAsset(input: { id: $id, excludeFromSmartCharging: $x }) { id } }',
        { id: createAsset.asset.id, x: excluded },
      );
    const shares = (plan: PlanView) =>
      ['SCC-0001', 'SCC-0002', 'SCC-0003', 'SCC-0004'].map((id) => firstLimit(plan.connectors, id));

    expect(shares(await trigger(admin, hallId))).toEqual([8, 8, 8, 8]);
    await exclude(false);
    // Grid L3 now carries 3 A of building beside the four cars: (32 - 3) / 4.
    expect(shares(await trigger(admin, hallId))).toEqual([7.2, 7.2, 7.2, 7.2]);
    await exclude(true);
    expect(shares(await trigger(admin, hallId))).toEqual([8, 8, 8, 8]);
  });

  it('does not exclude a station that refuses the profile of a session which ended while it was planned', async () => {
    const sender = server.app.get(ProfileSender);
    const send = sender.send.bind(sender);
    let ended = false;
    // The car leaves just as its new profile is on the way; the station then has no transaction for it.
    const spy = jest
      .spyOn(sender, 'send')
      .mockImplementation(async (tenantId, stationId, connectorId, profile) => {
        if (stationId === 'SCC-0001' && profile.purpose === 'TxProfile' && !ended) {
          ended = true;
          await fleet.unplug('SCC-0001');
        }
        return send(tenantId, stationId, connectorId, profile);
      });
    const priority = (value: number) =>
      admin.data(
        `mutation($p: Int) { setConnectorWiring(input: { chargingStationId: "SCC-0001", connectorId: 1, priority: $p }) {
          priority } }`,
        { p: value },
      );
    try {
      // A higher priority changes every share: a profile goes to each station.
      await priority(2);
      await eventually(
        async () => ended,
        (now) => now,
      );
      // Grid L3 carries the three cars left.
      await fleet.drawing({ 'SCC-0002': 10.6, 'SCC-0003': 10.6, 'SCC-0004': 10.6 });
      const plan = await eventually(
        hallPlan,
        (connectors) => connectorOf(connectors, 'SCC-0001') === undefined,
      );
      expect(firstLimit(plan, 'SCC-0002')).toBe(10.6);
      const { smartChargingExclusions } = await admin.data<{ smartChargingExclusions: unknown[] }>(
        '{ smartChargingExclusions { chargingStationId reason } }',
      );
      expect(smartChargingExclusions).toEqual([]);
    } finally {
      spy.mockRestore();
      await priority(1);
    }
  });

  it('plans to the driver’s target state of charge: a car already past it gets nothing, and a higher target brings it back', async () => {
    // A driver whose car's battery the catalog knows; the station meters its state of charge (20 %).
    const driver = await createUserAndLogin(admin, 'BASIC');
    await driver.client.data('mutation($input: CreateCarInput!) { createCar(input: $input) { id } }', {
      input: { carModelId: AUDI_E_TRON_22KW },
    });
    await createTag(admin, { id: 'SCC-OWN-CAR', userId: driver.id });
    await fleet.plug('SCC-0001', threePhaseCar('driver car'), 'SCC-OWN-CAR');
    const charging = await eventually(hallPlan, (connectors) => firstLimit(connectors, 'SCC-0001') === 8);
    const transactionId = connectorOf(charging, 'SCC-0001')!.transactionId!;

    // The driver's own session, set by the driver.
    await driver.client.data(PREFERENCES, { input: { transactionId, targetSoc: 15 } });
    const reached = await eventually(
      hallPlan,
      (connectors) => connectorOf(connectors, 'SCC-0001')?.reasonCode === 'DONE',
    );
    expect(connectorOf(reached, 'SCC-0001')!.reason).toBe('target reached');
    expect(firstLimit(reached, 'SCC-0001')).toBe(0);
    // Grid L3 now carries three cars.
    await fleet.drawing({ 'SCC-0002': 10.6, 'SCC-0003': 10.6, 'SCC-0004': 10.6 });

    await driver.client.data(PREFERENCES, { input: { transactionId, targetSoc: 80 } });
    await fleet.drawing({ 'SCC-0001': 8, 'SCC-0002': 8, 'SCC-0003': 8, 'SCC-0004': 8 });
  });
});
