import { ArrivingEv } from '../../apps/simulator/src/model/ev-fleet';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { Mailpit } from '../support/mailpit';
import { Subscription, graphqlWsClient, subscribe } from '../support/subscriptions';
import { TestApp, startTestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { AssetStep, AuditedSession, fuseExcesses } from './support/fuse-audit';
import {
  PlanConnector,
  SimulatedFleet,
  createArea,
  createSite,
  placeStations,
  planOf,
  singlePhaseCar,
  threePhaseCar,
} from './support/smart-charging-fleet';

const TAG = 'SC-DRIVER';
const FUSE_AMPS = 32;
const VOLTS = 230;
/** How long stations may take to follow a change (debounce, plan, CALL, meter interval), ms. */
const REACTION_MS = 6_000;

describe('smart charging with assets: simulated stations that obey their profiles share a 32 A area', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let adminEmail: string;
  let mailpit: Mailpit;
  let areaId: string;
  let buildingKey: string;
  let buildingId: string;
  let solarId: string;
  let fleet: SimulatedFleet;
  let loads: Subscription<{
    siteAreaLoadUpdated: {
      timestamp: string;
      ampsL1: number;
      ampsL2: number;
      ampsL3: number;
      limitAmps: number;
    };
  }>;
  const assetSteps: AssetStep[][] = [[], []];
  const changes: number[] = [];

  const plan = (): Promise<PlanConnector[]> => planOf(admin, areaId);
  const plug = async (id: string, ev: ArrivingEv): Promise<void> => {
    changes.push(Date.now());
    await fleet.plug(id, ev);
  };
  const pushBuilding = async (wattsPerPhase: [number, number, number]): Promise<void> => {
    changes.push(Date.now());
    const response = await fetch(`${server.httpUrl}/assets/default/${buildingId}/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${buildingKey}` },
      body: JSON.stringify({
        watts: wattsPerPhase[0] + wattsPerPhase[1] + wattsPerPhase[2],
        wattsL1: wattsPerPhase[0],
        wattsL2: wattsPerPhase[1],
        wattsL3: wattsPerPhase[2],
      }),
    });
    expect(response.status).toBe(201);
    assetSteps[0].push({
      at: Date.now(),
      amps: wattsPerPhase.map((watts) => watts / VOLTS) as [number, number, number],
    });
  };

  beforeAll(async () => {
    mailpit = await Mailpit.start();
    server = await startTestApp('smart_charging', {
      SMTP_URL: mailpit.smtpUrl,
      SMART_CHARGING_DEBOUNCE_MS: '300',
      SMART_CHARGING_LOAD_INTERVAL_SECONDS: '1',
      SMART_CHARGING_RETRY_DELAY_MS: '200',
    });
    const tenantAdmin = await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN');
    admin = tenantAdmin.client;
    adminEmail = tenantAdmin.email;
    areaId = await createArea(admin, await createSite(admin, 'Office'), {
      name: 'Garage',
      maximumCurrentAmps: FUSE_AMPS,
    });
    const { siteArea } = await admin.data<{ siteArea: { smartCharging: boolean } }>(
      'query($id: ID!) { siteArea(id: $id) { smartCharging } }',
      { id: areaId },
    );
    expect(siteArea.smartCharging).toBe(true);
    await placeStations(admin, ['SC16-0001', 'SC16-0002', 'SC16-0003', 'SC16-0004', 'SC201-0001'], areaId);
    await createTag(admin, { id: TAG });
    // Station 2's connector is wired with its L1 on grid L3 (TRS); the 2.0.1 station can switch phases.
    await admin.data(
      `mutation { a: setConnectorWiring(input: { chargingStationId: "SC16-0002", connectorId: 1, phaseRotation: TRS }) { phaseRotation }
        b: setConnectorWiring(input: { chargingStationId: "SC201-0001", connectorId: 1, phaseSwitching: true }) { phaseSwitching } }`,
    );
    const building = await admin.data<{ createAsset: { asset: { id: string }; apiKey: string } }>(
      `mutation($a: ID!) { createAsset(input: { name: "Offices", type: BUILDING, siteAreaId: $a, staticValueWatts: 0,
        dynamic: true }) { asset { id } apiKey } }`,
      { a: areaId },
    );
    buildingId = building.createAsset.asset.id;
    buildingKey = building.createAsset.apiKey;
    const solar = await admin.data<{ createAsset: { asset: { id: string } } }>(
      `mutation($a: ID!) { createAsset(input: { name: "Roof", type: SOLAR, siteAreaId: $a, staticValueWatts: 0,
        dynamic: true }) { asset { id } } }`,
      { a: areaId },
    );
    solarId = solar.createAsset.asset.id;
    loads = subscribe(
      graphqlWsClient(server.wsUrl, admin.bearer),
      `subscription($id: ID!) { siteAreaLoadUpdated(siteAreaId: $id) { timestamp ampsL1 ampsL2 ampsL3 limitAmps } }`,
      { id: areaId },
    );
    fleet = await SimulatedFleet.start(`${server.wsUrl}/ocpp/default`, TAG, [
      { stations: 4, idPrefix: 'SC16' },
      { ocpp: '2.0.1', stations: 1, idPrefix: 'SC201', phaseSwitching: true },
    ]);
  });

  afterAll(async () => {
    await loads?.close();
    await fleet?.stop();
    await server?.close();
    await mailpit?.stop();
  });

  it('shares the fuse between three cars, then four, with each connector told why', async () => {
    for (const id of ['SC16-0001', 'SC16-0002', 'SC16-0003']) await plug(id, threePhaseCar(id));
    await fleet.drawing({ 'SC16-0001': 10.6, 'SC16-0002': 10.6, 'SC16-0003': 10.6 });
    // The plan is stored once every station has answered: stations may draw their share a moment before.
    const shared = await eventually(plan, (list) => list.filter((c) => c.transactionId).length === 3);
    const charging = shared.filter((connector) => connector.transactionId);
    expect(charging).toHaveLength(3);
    for (const connector of charging) {
      expect(connector.periods[0].limitAmps).toBe(10.6);
      expect(connector.delivery).toBe('ACCEPTED');
      expect(connector.reasonCode).toBe('FUSE');
      expect(connector.reason).toMatch(/^limited by the fuse L\d of area Garage$/);
      expect(connector.gridPhases).toEqual([1, 2, 3]);
    }

    await plug('SC16-0004', threePhaseCar('fourth'));
    await fleet.drawing({ 'SC16-0001': 8, 'SC16-0002': 8, 'SC16-0003': 8, 'SC16-0004': 8 });
    // The plan is stored once every station has answered: it may come a moment after they follow it.
    await eventually(
      plan,
      (connectors) => connectors.filter((connector) => connector.transactionId).length === 4,
    );
  });

  it('puts a single-phase car on the least-loaded phase, beside an unbalanced building', async () => {
    changes.push(Date.now());
    await fleet.unplug('SC16-0001');
    await fleet.drawing({ 'SC16-0002': 10.6, 'SC16-0003': 10.6, 'SC16-0004': 10.6 });
    // The building draws 6 A on L1, nothing on L2, 3 A on L3.
    await pushBuilding([1380, 0, 690]);
    await fleet.drawing({ 'SC16-0002': 8.6, 'SC16-0003': 8.6, 'SC16-0004': 8.6 });

    await plug('SC201-0001', singlePhaseCar);
    // L2, the least-loaded phase, now carries four cars: it binds at 8 A each (L1: 3 × 8 + 6 A of building).
    await fleet.drawing({ 'SC16-0002': 8, 'SC16-0003': 8, 'SC16-0004': 8, 'SC201-0001': 8 });
    // Straight wiring: grid L2 is the station's L2, where the car now draws.
    expect(fleet.drawn('SC201-0001').map((amps) => amps > 0.5)).toEqual([false, true, false]);
    // The plan is stored once the stations have answered, a moment after they follow it: wait for the one
    // that planned the car on the phase its meter values showed.
    const single = (
      await eventually(plan, (connectors) =>
        connectors.some((c) => c.chargingStationId === 'SC201-0001' && c.gridPhases.length === 1),
      )
    ).find((connector) => connector.chargingStationId === 'SC201-0001')!;
    expect(single.gridPhases).toEqual([2]);
    expect(single.delivery).toBe('ACCEPTED');
  });

  it('speeds the cars up when solar production rises and slows them down when the building draws more', async () => {
    changes.push(Date.now());
    await admin.data(
      `mutation($id: ID!) { pushAssetReading(assetId: $id, reading: { watts: -6900 }) { watts } }`,
      {
        id: solarId,
      },
    );
    assetSteps[1].push({ at: Date.now(), amps: [-10, -10, -10] });
    await fleet.drawing({ 'SC16-0002': 10.5, 'SC16-0003': 10.5, 'SC16-0004': 10.5, 'SC201-0001': 10.5 });

    await pushBuilding([2760, 1380, 2070]);
    await fleet.drawing({ 'SC16-0002': 9, 'SC16-0003': 9, 'SC16-0004': 9, 'SC201-0001': 9 });
  });

  it('never let any phase exceed the fuse beyond the stations reaction time, from the meter values', async () => {
    // Let the last state run a few meter values.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const { transactions } = await admin.data<{
      transactions: {
        edges: {
          node: {
            chargingStationId: string;
            consumptions: {
              timestamp: string;
              instantAmpsL1: number | null;
              instantAmpsL2: number | null;
              instantAmpsL3: number | null;
            }[];
          };
        }[];
      };
    }>(
      `{ transactions(first: 50) { edges { node { chargingStationId
        consumptions { timestamp instantAmpsL1 instantAmpsL2 instantAmpsL3 } } } } }`,
    );
    const rotations: Record<string, [number, number, number]> = { 'SC16-0002': [2, 0, 1] };
    const sessions: AuditedSession[] = transactions.edges.map(({ node }) => ({
      gridPhaseOf: rotations[node.chargingStationId] ?? [0, 1, 2],
      samples: node.consumptions
        .filter((point) => point.instantAmpsL1 !== null)
        .map((point) => ({
          at: Date.parse(point.timestamp),
          amps: [point.instantAmpsL1 ?? 0, point.instantAmpsL2 ?? 0, point.instantAmpsL3 ?? 0] as [
            number,
            number,
            number,
          ],
        })),
    }));
    // Enough samples for the check to mean something; a busy machine meters a little less often.
    expect(sessions.reduce((total, session) => total + session.samples.length, 0)).toBeGreaterThanOrEqual(40);
    expect(fuseExcesses(sessions, assetSteps, FUSE_AMPS, changes, REACTION_MS)).toEqual([]);
  });

  it('streams the area load per phase beside its fuse', async () => {
    // A point from now on: the cars at 9 A, the building (12, 6, 9 A) and the solar (-10 A a phase).
    const from = Date.now();
    let latest = (await loads.next(15_000)).siteAreaLoadUpdated;
    while (Date.parse(latest.timestamp) < from) latest = (await loads.next(15_000)).siteAreaLoadUpdated;
    expect(latest.limitAmps).toBe(FUSE_AMPS);
    expect(latest.ampsL1).toBeCloseTo(3 * 9 + 12 - 10, 0);
    expect(latest.ampsL2).toBeCloseTo(4 * 9 + 6 - 10, 0);
    expect(latest.ampsL3).toBeCloseTo(3 * 9 + 9 - 10, 0);
  });

  it('excludes a station that refuses its profiles after the retries, tells the admins, plans around it', async () => {
    // The station's firmware now refuses every charging profile (the peer answers Rejected).
    jest.spyOn(fleet.station('SC16-0003').commands, 'setChargingProfile').mockReturnValue(false);
    await pushBuilding([2760, 2070, 2070]);
    const { smartChargingExclusions } = await eventually(
      () =>
        admin.data<{ smartChargingExclusions: { chargingStationId: string; reason: string }[] }>(
          '{ smartChargingExclusions { chargingStationId reason } }',
        ),
      (result) => result.smartChargingExclusions.length > 0,
      20_000,
    );
    expect(smartChargingExclusions).toEqual([
      {
        chargingStationId: 'SC16-0003',
        reason: expect.stringContaining('answered Rejected (after 3 tries)'),
      },
    ]);
    const connectors = await eventually(plan, (list) =>
      list.some((c) => c.chargingStationId === 'SC16-0003' && c.delivery === 'NOT_SENT'),
    );
    expect(connectors.find((c) => c.chargingStationId === 'SC16-0003')!.reason).toMatch(
      /^not controlled: excluded/,
    );
    expect(connectors.filter((c) => c.delivery === 'ACCEPTED' || c.delivery === 'UNCHANGED')).toHaveLength(3);
    const mail = await mailpit.waitFor(adminEmail, (received) => received.subject.includes('SC16-0003'));
    expect(mail.text).toContain('Rejected');
  });

  it("refuses a stack level at or below the static limits' one (a station would replace one profile with the other)", async () => {
    const update =
      'mutation($input: UpdateSmartChargingSettingsInput!) { updateSmartChargingSettings(input: $input) { stackLevel } }';
    const stackLevel = async (): Promise<number> =>
      (
        await admin.data<{ smartChargingSettings: { stackLevel: number } }>(
          'query($id: ID!) { smartChargingSettings(siteAreaId: $id) { stackLevel } }',
          { id: areaId },
        )
      ).smartChargingSettings.stackLevel;
    for (const level of [0, 1]) {
      const refused = await admin.request(update, { input: { siteAreaId: areaId, stackLevel: level } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(refused.errors)).toContain("above the static limits' stack level 1");
    }
    expect(await stackLevel()).toBe(2);
    await admin.data(update, { input: { siteAreaId: areaId, stackLevel: 3 } });
    expect(await stackLevel()).toBe(3);
  });
});
