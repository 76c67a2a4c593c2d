import { createCompany, createSite, createStationIn } from '../organizations/support/organizations';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { PeerEvent, PythonStation } from '../support/python-station';
import { WALLBOX_CAPABILITIES, templateApplied } from '../support/template-capabilities';
import { TestApp, startTestApp } from '../support/test-app';
import { createTag, createUserAndLogin } from '../support/users';

const TAG = 'PY-SMART';
const VENDOR = 'PySmart-Watts';
/** 32 A on three phases at 230 V: the area's fuse, and the one car's whole share. */
const SHARE_WATTS = 32 * 3 * 230;

/** A 32 A three-phase wallbox whose template asks for its limits in watts. */
const WATT_TEMPLATE = {
  name: 'Smart charging e2e: wallbox limited in watts',
  vendorPattern: `^${VENDOR}$`,
  ocppVersions: ['1.6', '2.0.1'],
  technical: {
    maximumPowerWatts: SHARE_WATTS,
    voltage: 230,
    connectors: [
      {
        connectorId: 1,
        type: 'Type2',
        powerWatts: SHARE_WATTS,
        amperage: 32,
        numberOfPhases: 3,
        currentType: 'AC',
      },
    ],
  },
  capabilities: { ...WALLBOX_CAPABILITIES, chargingRateUnit: 'W' },
};

type Profile = Record<string, unknown> & { charging_schedule: unknown };

/**
 * Smart charging's output as independent peers receive it (Python `ocpp`, 1.6 and 2.0.1 ChargePoints):
 * limits in watts where the station's template says W, and on 2.0.1 the station's whole share as a
 * ChargingStationMaxProfile beside the session's TxProfile.
 */
describe('smart-charging profiles received by Python ocpp peers', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let siteId: string;
  const peers: PythonStation[] = [];

  /** A station in its own 32 A smart-charging area, booted with the watt template, charging one car. */
  const chargingPeer = async (id: string, version: '1.6' | '2.0.1') => {
    const { createSiteArea } = await admin.data<{ createSiteArea: { id: string } }>(
      `mutation($s: ID!, $n: String!) { createSiteArea(input: { name: $n, siteId: $s, numberOfPhases: 3,
        voltage: 230, maximumCurrentAmps: 32, smartCharging: true }) { id } }`,
      { s: siteId, n: `Area of ${id}` },
    );
    await createStationIn(admin, id, createSiteArea.id);
    const peer = PythonStation.spawn('smart_charging_station.py', [
      `${server.wsUrl}/ocpp/default`,
      id,
      TAG,
      version,
      VENDOR,
    ]);
    peers.push(peer);
    expect((await peer.next(30_000)).event).toBe('booted');
    // The session's plan must see the template's unit: start once the template is applied.
    await templateApplied(admin, id);
    peer.send('start');
    return { peer, areaId: createSiteArea.id };
  };

  const profilesIn = (events: PeerEvent[], purpose: string) =>
    events.filter(
      (event): event is PeerEvent & { profile: Profile } =>
        event.event === 'profile' && event.profile!.charging_profile_purpose === purpose,
    );

  /** The peer's events until `done` holds for them (a peer reports in its own order). */
  const eventsUntil = async (peer: PythonStation, done: (events: PeerEvent[]) => boolean, what: string) => {
    const events: PeerEvent[] = [];
    while (!done(events)) {
      try {
        events.push(await peer.next(30_000));
      } catch (error) {
        const profiles = events.filter((event) => event.event === 'profile').map((event) => event.profile);
        throw new Error(
          `${what} never came; profiles received: ${JSON.stringify(profiles)}\n${String(error)}`,
        );
      }
    }
    return events;
  };

  const unitOf = (event: PeerEvent & { profile: Profile }) =>
    (event.profile.charging_schedule as { charging_rate_unit: string }[])[0].charging_rate_unit;

  /** Ends the peer's transaction; the peer exits cleanly once the CSMS took it. */
  const stopCharging = async (peer: PythonStation) => {
    peer.send('stop');
    while ((await peer.next(30_000)).event !== 'stopped');
    expect(await peer.exited).toBe(0);
  };

  beforeAll(async () => {
    server = await startTestApp('smart_charging_peers', {
      SMART_CHARGING_DEBOUNCE_MS: '300',
      SMART_CHARGING_RETRY_DELAY_MS: '200',
    });
    const superAdmin = await loginAsAdmin(server.httpUrl);
    await superAdmin.data(
      'mutation($input: StationTemplateInput!) { createStationTemplate(input: $input) { id } }',
      {
        input: WATT_TEMPLATE,
      },
    );
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    await createTag(admin, { id: TAG });
    siteId = await createSite(admin, await createCompany(admin, 'Python peers'), 'Depot');
  });

  afterAll(async () => {
    peers.forEach((peer) => peer.kill());
    await server?.close();
  });

  it('gives a 2.0.1 peer its TxProfile and its ChargingStationMaxProfile, in watts as its template says', async () => {
    const { peer, areaId } = await chargingPeer('PY201-WATTS', '2.0.1');
    // A plan made between the boot and the template may have sent the station's share in amperes; the
    // template's application plans again, and the unit's change alone makes it send the share anew.
    const lastShareInWatts = (events: PeerEvent[]) => {
      const last = profilesIn(events, 'ChargingStationMaxProfile').at(-1);
      return last !== undefined && unitOf(last) === 'W';
    };
    const events = await eventsUntil(
      peer,
      (seen) => profilesIn(seen, 'TxProfile').length > 0 && lastShareInWatts(seen),
      'A TxProfile and a ChargingStationMaxProfile in watts',
    );
    const started = events.find((event) => event.event === 'started');
    expect(started).toBeDefined();

    const [tx] = profilesIn(events, 'TxProfile');
    expect(tx.connectorId).toBe(1);
    expect(tx.profile).toMatchObject({
      id: 800_001,
      stack_level: 2,
      charging_profile_kind: 'Absolute',
      transaction_id: started!.transactionId,
    });
    const [txSchedule] = tx.profile.charging_schedule as {
      charging_rate_unit: string;
      charging_schedule_period: unknown[];
    }[];
    expect(txSchedule.charging_rate_unit).toBe('W');
    expect(txSchedule.charging_schedule_period[0]).toEqual({
      start_period: 0,
      limit: SHARE_WATTS,
      number_phases: 3,
    });

    const max = profilesIn(events, 'ChargingStationMaxProfile').at(-1)!;
    expect(max.connectorId).toBe(0);
    expect(max.profile).toMatchObject({ id: 820_000, stack_level: 2, charging_profile_kind: 'Absolute' });
    expect(max.profile.transaction_id).toBeUndefined();
    const [maxSchedule] = max.profile.charging_schedule as {
      charging_rate_unit: string;
      charging_schedule_period: unknown[];
    }[];
    expect(maxSchedule.charging_rate_unit).toBe('W');
    expect(maxSchedule.charging_schedule_period[0]).toEqual({
      start_period: 0,
      limit: SHARE_WATTS,
      number_phases: 3,
    });

    // The plan says the session's profile was taken, in both units.
    const { smartChargingPlan } = await admin.data<{
      smartChargingPlan: {
        connectors: { delivery: string; periods: { limitAmps: number; limitWatts: number }[] }[];
      };
    }>(
      'query($a: ID!) { smartChargingPlan(siteAreaId: $a) { connectors { delivery periods { limitAmps limitWatts } } } }',
      {
        a: areaId,
      },
    );
    expect(smartChargingPlan.connectors).toHaveLength(1);
    expect(smartChargingPlan.connectors[0].delivery).toBe('ACCEPTED');
    expect(smartChargingPlan.connectors[0].periods[0]).toEqual({ limitAmps: 32, limitWatts: SHARE_WATTS });

    await stopCharging(peer);
  });

  it('gives a 1.6 peer its TxProfile in watts as its template says, bound to its transaction', async () => {
    const { peer } = await chargingPeer('PY16-WATTS', '1.6');
    const events = await eventsUntil(peer, (seen) => profilesIn(seen, 'TxProfile').length > 0, 'A TxProfile');
    const started = events.find((event) => event.event === 'started');
    expect(started).toBeDefined();
    const [tx] = profilesIn(events, 'TxProfile');
    expect(tx.connectorId).toBe(1);
    expect(tx.profile).toMatchObject({
      charging_profile_id: 800_001,
      stack_level: 2,
      charging_profile_kind: 'Absolute',
      transaction_id: started!.transactionId,
      charging_schedule: {
        charging_rate_unit: 'W',
        charging_schedule_period: [{ start_period: 0, limit: SHARE_WATTS, number_phases: 3 }],
      },
    });
    // 1.6 stations keep ChargePointMaxProfile for static limits: smart charging sends none.
    expect(
      events.filter((event) => event.profile?.charging_profile_purpose === 'ChargePointMaxProfile'),
    ).toEqual([]);
    await stopCharging(peer);
  });
});
