import { Json, OcpiPeer } from '../support/ocpi-peer';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { RoamingTenant, registerWith, startRoamingTenant } from './support/roaming-fixture';

/** A location of the peer CPO (OCPI 2.2.1), its one EVSE in `status`. */
function peerLocation(status: string): Json {
  const now = new Date().toISOString();
  return {
    country_code: 'NL',
    party_id: 'CPX',
    id: 'LOC-AMS-1',
    publish: true,
    name: 'Dam Square',
    address: 'Dam 1',
    city: 'Amsterdam',
    country: 'NLD',
    coordinates: { latitude: '52.373169', longitude: '4.892543' },
    time_zone: 'Europe/Amsterdam',
    evses: [
      {
        uid: 'AMS-1-E1',
        evse_id: 'NL*CPX*E1',
        status,
        capabilities: ['REMOTE_START_STOP_CAPABLE'],
        connectors: [
          {
            id: '1',
            standard: 'IEC_62196_T2',
            format: 'SOCKET',
            power_type: 'AC_3_PHASE',
            max_voltage: 230,
            max_amperage: 32,
            last_updated: now,
          },
        ],
        last_updated: now,
      },
    ],
    last_updated: now,
  };
}

const LOCATIONS_QUERY =
  'query { partnerLocations(first: 10) { edges { node { locationId name city country evses { uid evseId status } } } } }';

/**
 * Our eMSP side on OCPI 2.2.1 with extrawest-ocpi as the CPO: we register with it, pull its locations
 * and show them read-only (their status live), send it our badges as tokens, and start a session at
 * its station with the result coming back to us.
 */
describe('OCPI 2.2.1 eMSP with an independent CPO', () => {
  let tenant: RoamingTenant;
  let peer: OcpiPeer;
  let partnerId: string;

  beforeAll(async () => {
    tenant = await startRoamingTenant('ocpi-emsp', { ROAMING_OUTBOX_POLL_MS: '100' });
    peer = await OcpiPeer.start({ role: 'cpo', versions: ['2.2.1'], partyId: 'CPX' });
    await peer.seed('locations', [peerLocation('AVAILABLE')]);
    const partner = await registerWith(tenant.admin, peer, 'CPO');
    expect(partner).toMatchObject({ status: 'REGISTERED', version: '2.2.1' });
    partnerId = partner.id;
  });

  afterAll(async () => {
    await peer?.dispose();
    await tenant?.app.close();
  });

  async function locations(): Promise<Json[]> {
    const { partnerLocations } = await tenant.admin.data<{ partnerLocations: { edges: { node: Json }[] } }>(
      LOCATIONS_QUERY,
    );
    return partnerLocations.edges.map((edge) => edge.node);
  }

  it('pulls the CPO’s locations and shows them read-only in GraphQL', async () => {
    const { pullPartnerObjects } = await tenant.admin.data<{ pullPartnerObjects: Json }>(
      'mutation($id: ID!) { pullPartnerObjects(partnerId: $id, module: LOCATIONS) { stored skipped } }',
      { id: partnerId },
    );
    expect(pullPartnerObjects).toEqual({ stored: 1, skipped: 0 });
    expect(await locations()).toEqual([
      {
        locationId: 'LOC-AMS-1',
        name: 'Dam Square',
        city: 'Amsterdam',
        country: 'NLD',
        evses: [{ uid: 'AMS-1-E1', evseId: 'NL*CPX*E1', status: 'AVAILABLE' }],
      },
    ]);
  });

  it('takes the location the CPO pushes, its EVSE status live', async () => {
    await peer.seed('locations', [peerLocation('CHARGING')]);
    const push = await peer.push('locations', 'LOC-AMS-1');
    expect(push.receiver_responses[0]).toMatchObject({ response: { status_code: 1000 } });
    const [location] = await eventually(locations, (found) => found[0]?.evses[0]?.status === 'CHARGING');
    expect(location.evses).toEqual([{ uid: 'AMS-1-E1', evseId: 'NL*CPX*E1', status: 'CHARGING' }]);
  });

  it('sends our badges to the CPO as tokens', async () => {
    await createTag(tenant.admin, { id: 'EMSP-BADGE-1' });
    const state = await eventually(
      () => peer.state(),
      (current) => current.tokens['EMSP-BADGE-1'] !== undefined,
    );
    expect(state.tokens['EMSP-BADGE-1']).toMatchObject({
      country_code: 'DE',
      party_id: 'VGC',
      uid: 'EMSP-BADGE-1',
      type: 'RFID',
      contract_id: 'DE-VGC-C-EMSP-BADGE-1',
      valid: true,
      whitelist: 'ALLOWED',
    });
  });

  it('starts a session at the CPO’s station with a badge and gets the charge point’s result', async () => {
    const { startPartnerSession } = await tenant.admin.data<{ startPartnerSession: Json }>(
      'mutation($input: StartPartnerSessionInput!) { startPartnerSession(input: $input) { id command response } }',
      { input: { partnerId, locationId: 'LOC-AMS-1', evseUid: 'AMS-1-E1', tagId: 'EMSP-BADGE-1' } },
    );
    expect(startPartnerSession).toMatchObject({ command: 'START_SESSION', response: 'ACCEPTED' });
    const command = await eventually(
      async () =>
        (
          await tenant.admin.data<{ partnerCommand: Json }>(
            'query($id: ID!) { partnerCommand(id: $id) { result resultAt } }',
            { id: startPartnerSession.id },
          )
        ).partnerCommand,
      (current) => current.result !== null,
      15_000,
    );
    expect(command).toMatchObject({ result: 'ACCEPTED', resultAt: expect.any(String) });
    // The peer notes a request once its handler returns, and its handler posts the result first.
    const isStartSession = (request: { path: string }) => request.path.endsWith('/commands/START_SESSION');
    const { received } = await eventually(
      () => peer.state(),
      (state) => state.received.some(isStartSession),
    );
    const sent = received.find(isStartSession);
    expect(sent?.body).toMatchObject({
      location_id: 'LOC-AMS-1',
      evse_uid: 'AMS-1-E1',
      token: { uid: 'EMSP-BADGE-1', contract_id: 'DE-VGC-C-EMSP-BADGE-1' },
      response_url: expect.stringContaining('/emsp/commands/'),
    });
  });

  it('receives the CPO’s session and CDR of our driver’s badge; the driver sees them, others do not', async () => {
    const driver = await createUserAndLogin(tenant.admin, 'BASIC');
    const other = await createUserAndLogin(tenant.admin, 'BASIC');
    await createTag(tenant.admin, { id: 'DRIVER-BADGE', userId: driver.id });
    const cdrToken = {
      country_code: 'DE',
      party_id: 'VGC',
      uid: 'DRIVER-BADGE',
      type: 'RFID',
      contract_id: 'DE-VGC-C-DRIVER-BADGE',
    };
    const started = '2026-03-02T10:00:00Z';
    const ended = '2026-03-02T11:00:00Z';
    await peer.seed('sessions', [
      {
        country_code: 'NL',
        party_id: 'CPX',
        id: 'CPX-SESSION-1',
        start_date_time: started,
        end_date_time: ended,
        kwh: 12.5,
        cdr_token: cdrToken,
        auth_method: 'WHITELIST',
        location_id: 'LOC-AMS-1',
        evse_uid: 'AMS-1-E1',
        connector_id: '1',
        currency: 'EUR',
        total_cost: { excl_vat: 5, incl_vat: 6.05 },
        status: 'COMPLETED',
        last_updated: ended,
      },
    ]);
    await peer.seed('cdrs', [
      {
        country_code: 'NL',
        party_id: 'CPX',
        id: 'CPX-CDR-1',
        start_date_time: started,
        end_date_time: ended,
        session_id: 'CPX-SESSION-1',
        cdr_token: cdrToken,
        auth_method: 'WHITELIST',
        cdr_location: {
          id: 'LOC-AMS-1',
          address: 'Dam 1',
          city: 'Amsterdam',
          country: 'NLD',
          coordinates: { latitude: '52.373169', longitude: '4.892543' },
          evse_uid: 'AMS-1-E1',
          evse_id: 'NL*CPX*E1',
          connector_id: '1',
          connector_standard: 'IEC_62196_T2',
          connector_format: 'SOCKET',
          connector_power_type: 'AC_3_PHASE',
        },
        currency: 'EUR',
        charging_periods: [{ start_date_time: started, dimensions: [{ type: 'ENERGY', volume: 12.5 }] }],
        total_cost: { excl_vat: 5, incl_vat: 6.05 },
        total_energy: 12.5,
        total_time: 1,
        last_updated: ended,
      },
    ]);
    const session = await peer.push('sessions', 'CPX-SESSION-1');
    expect(session.receiver_responses[0]).toMatchObject({ response: { status_code: 1000 } });
    // py_ocpi keeps the headers of a CDR POST's answer: where the CDR can be read back (Location).
    const cdr = await peer.push('cdrs', 'CPX-CDR-1');
    expect(cdr.receiver_responses[0].response.location).toMatch(
      /\/ocpi\/default\/2\.2\.1\/emsp\/cdrs\/CPX-CDR-1$/,
    );
    const query =
      'query { partnerSessions(first: 10) { edges { node { sessionId userId kwh status totalCost totalCostInclVat } } } partnerCdrs(first: 10) { edges { node { cdrId sessionId userId totalCost totalEnergy totalTime } } } }';
    type Seen = { partnerSessions: { edges: { node: Json }[] }; partnerCdrs: { edges: { node: Json }[] } };
    const seen = await driver.client.data<Seen>(query);
    expect(seen.partnerSessions.edges.map((edge) => edge.node)).toEqual([
      {
        sessionId: 'CPX-SESSION-1',
        userId: driver.id,
        kwh: 12.5,
        status: 'COMPLETED',
        totalCost: 5,
        totalCostInclVat: 6.05,
      },
    ]);
    expect(seen.partnerCdrs.edges.map((edge) => edge.node)).toEqual([
      {
        cdrId: 'CPX-CDR-1',
        sessionId: 'CPX-SESSION-1',
        userId: driver.id,
        totalCost: 5,
        totalEnergy: 12.5,
        totalTime: 1,
      },
    ]);
    const hidden = await other.client.data<Seen>(query);
    expect(hidden.partnerSessions.edges).toEqual([]);
    expect(hidden.partnerCdrs.edges).toEqual([]);
  });
});
