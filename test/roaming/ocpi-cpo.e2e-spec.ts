import { RPCClient } from 'ocpp-rpc';
import { BOOT, connect201 } from '../ocpp201/ocpp201-station';
import { createStationIn } from '../organizations/support/organizations';
import { Json, OcpiPeer, ReceivedRequest } from '../support/ocpi-peer';
import { eventually } from '../support/users';
import {
  IDENTITY,
  RoamingTenant,
  bootStation16,
  registerWith,
  startRoamingTenant,
} from './support/roaming-fixture';

/** A token of the peer eMSP (OCPI 2.2.1 Token). */
function token(uid: string, whitelist: string, extra: Record<string, unknown> = {}): Json {
  return {
    country_code: 'NL',
    party_id: 'EXW',
    uid,
    type: 'RFID',
    contract_id: `NL-EXW-${uid}`,
    issuer: 'Peer eMSP',
    valid: true,
    whitelist,
    last_updated: '2024-01-01T00:00:00Z',
    ...extra,
  };
}

/**
 * Our CPO side on OCPI 2.2.1, with extrawest-ocpi as the eMSP and real OCPP stations (1.6-J and
 * 2.0.1-J): locations pulled and pushed, tokens pushed and authorized in real time, sessions
 * reported, commands and charging profiles with their results.
 */
describe('OCPI 2.2.1 CPO with an independent eMSP', () => {
  let tenant: RoamingTenant;
  let peer: OcpiPeer;
  let station: RPCClient;
  let station201: RPCClient;
  let depotSiteId: string;

  beforeAll(async () => {
    tenant = await startRoamingTenant('ocpi-cpo', {
      OCPI_SESSION_UPDATE_SECONDS: '0',
      OCPP_CALL_TIMEOUT_MS: '2000',
      ROAMING_OUTBOX_POLL_MS: '100',
    });
    station = await bootStation16(tenant, 'CPO-16', 2);
    await createStationIn(tenant.admin, 'CPO-201', tenant.siteAreaId);
    station201 = await connect201(tenant.app.wsUrl, 'CPO-201');
    await station201.call('BootNotification', BOOT);
    await station201.call('StatusNotification', {
      timestamp: new Date().toISOString(),
      connectorStatus: 'Available',
      evseId: 1,
      connectorId: 1,
    });
    // A station in a private site: never published.
    const { createSite } = await tenant.admin.data<{ createSite: { id: string } }>(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { companyId: (await companyOf(tenant)).id, name: 'Depot', public: false } },
    );
    const { createSiteArea } = await tenant.admin.data<{ createSiteArea: { id: string } }>(
      'mutation($input: CreateSiteAreaInput!) { createSiteArea(input: $input) { id } }',
      { input: { siteId: createSite.id, name: 'Depot area' } },
    );
    await createStationIn(tenant.admin, 'DEPOT-1', createSiteArea.id);
    depotSiteId = createSite.id;
    peer = await OcpiPeer.start({ role: 'emsp', versions: ['2.2.1'] });
    await registerWith(tenant.admin, peer, 'EMSP');
  });

  afterAll(async () => {
    await station?.close({ force: true });
    await station201?.close({ force: true });
    await peer?.dispose();
    await tenant?.app.close();
  });

  async function companyOf(roaming: RoamingTenant): Promise<{ id: string }> {
    const { site } = await roaming.admin.data<{ site: { companyId: string } }>(
      'query($id: ID!) { site(id: $id) { companyId } }',
      { id: roaming.siteId },
    );
    return { id: site.companyId };
  }

  function received(
    predicate: (request: ReceivedRequest) => boolean,
    timeoutMs = 15_000,
  ): Promise<ReceivedRequest[]> {
    return eventually(
      async () => (await peer.state()).received.filter(predicate),
      (found) => found.length > 0,
      timeoutMs,
    );
  }

  async function pushToken(uid: string, whitelist: string, extra: Record<string, unknown> = {}) {
    await peer.seed('tokens', [token(uid, whitelist, extra)]);
    const push = await peer.push('tokens', uid);
    expect(push.receiver_responses[0]).toMatchObject({ status_code: 201, response: { status_code: 1000 } });
  }

  async function charge(idTag: string, connectorId: number, meterStart: number, meterStop: number) {
    const start = (await station.call('StartTransaction', {
      connectorId,
      idTag,
      meterStart,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number; idTagInfo: { status: string } };
    await station.call('MeterValues', {
      connectorId,
      transactionId: start.transactionId,
      meterValue: [
        {
          timestamp: new Date().toISOString(),
          sampledValue: [
            {
              value: String((meterStart + meterStop) / 2),
              measurand: 'Energy.Active.Import.Register',
              unit: 'Wh',
            },
          ],
        },
      ],
    });
    await station.call('StopTransaction', {
      transactionId: start.transactionId,
      meterStop,
      timestamp: new Date().toISOString(),
    });
    return start;
  }

  it('is pulled: the public site as a Location, one EVSE per connector with eMI3 ids, valid to py_ocpi', async () => {
    const pulled = await peer.pull('locations');
    expect(pulled.errors).toEqual([]);
    expect(pulled.objects).toHaveLength(1);
    const [location] = pulled.objects;
    expect(location).toMatchObject({
      country_code: 'DE',
      party_id: 'VGC',
      id: tenant.siteId,
      publish: true,
      address: 'Marktplatz 1',
      city: 'Berlin',
      country: 'DEU',
      time_zone: 'Europe/Berlin',
      coordinates: { latitude: '52.520008', longitude: '13.404954' },
    });
    expect(location.evses.map((evse: Json) => [evse.uid, evse.evse_id, evse.status])).toEqual([
      ['CPO-16*1', 'DE*VGC*ECPO16*1', 'AVAILABLE'],
      ['CPO-16*2', 'DE*VGC*ECPO16*2', 'AVAILABLE'],
      ['CPO-201*1', 'DE*VGC*ECPO201*1', 'AVAILABLE'],
    ]);
    expect(location.evses[0].connectors[0]).toMatchObject({
      id: '1',
      standard: 'IEC_62196_T2',
      power_type: 'AC_3_PHASE',
    });
  });

  it('PATCHes the EVSE status to the eMSP when a station reports a change', async () => {
    await station.call('StatusNotification', { connectorId: 2, errorCode: 'NoError', status: 'Faulted' });
    const [patch] = await received(
      (request) => request.method === 'PATCH' && request.path.endsWith('/CPO-16*2'),
    );
    expect(patch.path).toBe(
      `/ocpi/emsp/2.2.1/locations/${IDENTITY.countryCode}/${IDENTITY.partyId}/${tenant.siteId}/CPO-16*2`,
    );
    expect(patch.body).toEqual({ status: 'OUTOFORDER', last_updated: expect.any(String) });
    expect(patch.status).toBe(200);
    const stored = Object.values((await peer.state()).locations)[0];
    expect(stored.evses.find((evse: Json) => evse.uid === 'CPO-16*2').status).toBe('OUTOFORDER');
  });

  it('lets a token the eMSP pushed (whitelist ALWAYS) charge at a 1.6 station, and reports the session', async () => {
    await pushToken('WL-ALWAYS', 'ALWAYS');
    expect(await station.call('Authorize', { idTag: 'WL-ALWAYS' })).toEqual({
      idTagInfo: { status: 'Accepted' },
    });
    const start = await charge('WL-ALWAYS', 1, 10_000, 14_000);
    expect(start.idTagInfo.status).toBe('Accepted');
    const reports = await eventually(
      async () => (await peer.state()).received.filter((request) => request.path.includes('/sessions/')),
      (found) => found.some((request) => request.body?.status === 'COMPLETED'),
    );
    expect(reports.map((request) => `${request.method} ${request.body.status ?? ''}`)).toEqual([
      'PUT ACTIVE',
      'PATCH ',
      'PUT COMPLETED',
    ]);
    expect(reports[0].body).toMatchObject({
      country_code: 'DE',
      party_id: 'VGC',
      kwh: 0,
      auth_method: 'WHITELIST',
      location_id: tenant.siteId,
      evse_uid: 'CPO-16*1',
      connector_id: '1',
      cdr_token: {
        country_code: 'NL',
        party_id: 'EXW',
        uid: 'WL-ALWAYS',
        type: 'RFID',
        contract_id: 'NL-EXW-WL-ALWAYS',
      },
    });
    expect(reports[1].body.kwh).toBe(2);
    expect(reports[2].body).toMatchObject({ kwh: 4, end_date_time: expect.any(String) });
    expect(reports.every((request) => request.status === 200 && request.to_party === 'EXW')).toBe(true);

    const pulled = await peer.pull('sessions', { date_from: '2020-01-01T00:00:00Z' });
    expect(pulled.errors).toEqual([]);
    expect(pulled.objects.map((session: Json) => session.cdr_token.uid)).toEqual(['WL-ALWAYS']);
  });

  it('sends a CDR whose total_cost is our price of the session, with the tariff it was priced by; sessions carry the cost as it runs', async () => {
    const { createTariff } = await tenant.admin.data<{ createTariff: { id: string } }>(
      'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
      {
        input: {
          name: 'Roaming AC',
          currency: 'EUR',
          elements: [
            {
              priceComponents: [
                { type: 'ENERGY', price: 0.3, vat: 20, stepSize: 1 },
                { type: 'TIME', price: 2, vat: 20, stepSize: 60 },
                { type: 'FLAT', price: 1, vat: 20, stepSize: 1 },
              ],
            },
          ],
        },
      },
    );
    await tenant.admin.data('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id } }', {
      input: { tariffId: createTariff.id, level: 'SITE', entityId: tenant.siteId },
    });
    // The eMSP is told of the tariff, and of the connectors it now applies to (tariff_ids).
    const [tariffPut] = await received(
      (request) => request.method === 'PUT' && request.path.endsWith(`/tariffs/DE/VGC/${createTariff.id}`),
    );
    expect(tariffPut.status).toBe(200);
    expect(tariffPut.body).toMatchObject({ id: createTariff.id, country_code: 'DE', party_id: 'VGC' });
    const [locationPut] = await received(
      (request) =>
        request.method === 'PUT' &&
        request.path.endsWith(`/locations/DE/VGC/${tenant.siteId}`) &&
        request.body?.evses?.[0]?.connectors?.[0]?.tariff_ids !== undefined,
    );
    expect(locationPut.status).toBe(200);
    expect(locationPut.body.evses.map((evse: Json) => evse.connectors[0].tariff_ids)).toEqual([
      [createTariff.id],
      [createTariff.id],
      [createTariff.id],
    ]);
    await pushToken('WL-PRICED', 'ALLOWED');
    // Two hours of charging, 10 kWh: 3.00 energy + 4.00 time + 1.00 flat = 8.00 excl. VAT, 9.60 incl.
    const startedAt = Date.now() - 2 * 3_600_000;
    const at = (hours: number) => new Date(startedAt + hours * 3_600_000).toISOString();
    const start = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag: 'WL-PRICED',
      meterStart: 100_000,
      timestamp: at(0),
    })) as { transactionId: number };
    await station.call('MeterValues', {
      connectorId: 1,
      transactionId: start.transactionId,
      meterValue: [
        {
          timestamp: at(1),
          sampledValue: [{ value: '105000', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
        },
      ],
    });
    await station.call('StopTransaction', {
      transactionId: start.transactionId,
      meterStop: 110_000,
      timestamp: at(2),
    });
    const [cdr] = await received(
      (request) =>
        request.method === 'POST' &&
        request.path.endsWith('/cdrs/') &&
        request.body?.cdr_token?.uid === 'WL-PRICED',
    );
    expect(cdr.status).toBe(200);
    expect(cdr.to_party).toBe('EXW');
    const { transaction } = await tenant.admin.data<{
      transaction: { price: { currency: string; exclVat: number; inclVat: number } };
    }>('query($id: ID!) { transaction(id: $id) { price { currency exclVat inclVat } } }', {
      id: cdr.body.session_id,
    });
    expect(transaction.price).toEqual({ currency: 'EUR', exclVat: 8, inclVat: 9.6 });
    expect(cdr.body).toMatchObject({
      country_code: 'DE',
      party_id: 'VGC',
      id: cdr.body.session_id,
      currency: 'EUR',
      total_cost: { excl_vat: transaction.price.exclVat, incl_vat: transaction.price.inclVat },
      total_fixed_cost: { excl_vat: 1, incl_vat: 1.2 },
      total_energy: 10,
      total_energy_cost: { excl_vat: 3, incl_vat: 3.6 },
      total_time: 2,
      total_time_cost: { excl_vat: 4, incl_vat: 4.8 },
      auth_method: 'WHITELIST',
      cdr_token: { uid: 'WL-PRICED', contract_id: 'NL-EXW-WL-PRICED' },
      cdr_location: {
        id: tenant.siteId,
        evse_uid: 'CPO-16*1',
        evse_id: 'DE*VGC*ECPO16*1',
        connector_id: '1',
        country: 'DEU',
      },
      start_date_time: at(0).replace(/\.\d{3}Z$/, 'Z'),
      end_date_time: at(2).replace(/\.\d{3}Z$/, 'Z'),
    });
    expect(cdr.body.tariffs).toEqual([
      expect.objectContaining({ id: createTariff.id, country_code: 'DE', party_id: 'VGC', currency: 'EUR' }),
    ]);
    expect(cdr.body.charging_periods.length).toBeGreaterThanOrEqual(2);
    expect(cdr.body.charging_periods.every((period: Json) => period.tariff_id === createTariff.id)).toBe(
      true,
    );
    // The eMSP (py_ocpi's Cdr model) accepted and stored it.
    expect((await peer.state()).cdrs[cdr.body.id.toUpperCase()]).toMatchObject({
      total_cost: cdr.body.total_cost,
    });

    // The session reports carried the running cost, then the final one; the CDR came after them.
    const { received: all } = await peer.state();
    const sessionId: string = cdr.body.session_id;
    const sessionReports = all.filter((request) => request.path.endsWith(`/sessions/DE/VGC/${sessionId}`));
    expect(sessionReports.map((request) => request.method)).toEqual(['PUT', 'PATCH', 'PUT']);
    expect(sessionReports[1].body).toMatchObject({ kwh: 5, total_cost: { excl_vat: 4.5, incl_vat: 5.4 } });
    expect(sessionReports[2].body).toMatchObject({
      status: 'COMPLETED',
      total_cost: cdr.body.total_cost,
      charging_periods: cdr.body.charging_periods,
    });
    const final = all.findIndex(
      (request) => request.body?.id === sessionId && request.body?.status === 'COMPLETED',
    );
    const posted = all.findIndex(
      (request) => request.path.endsWith('/cdrs/') && request.body?.id === sessionId,
    );
    expect(final).toBeGreaterThanOrEqual(0);
    expect(posted).toBeGreaterThan(final);

    // The eMSP pulls the same CDR, and our tariffs, both valid to py_ocpi.
    const pulledCdrs = await peer.pull('cdrs');
    expect(pulledCdrs.errors).toEqual([]);
    expect(pulledCdrs.objects.find((pulled: Json) => pulled.id === cdr.body.id)).toEqual(cdr.body);
    const pulledTariffs = await peer.pull('tariffs');
    expect(pulledTariffs.errors).toEqual([]);
    expect(pulledTariffs.objects).toEqual([cdr.body.tariffs[0]]);
    expect(pulledTariffs.objects).toEqual([tariffPut.body]);
  });

  it('asks the eMSP in real time for a NEVER token, with the location, and honours its answer', async () => {
    await pushToken('WL-NEVER', 'NEVER');
    await pushToken('WL-BLOCKED', 'NEVER');
    await peer.seed('tokens', [], { authorizations: { 'WL-BLOCKED': 'BLOCKED' } });
    expect(await station.call('Authorize', { idTag: 'WL-NEVER' })).toEqual({
      idTagInfo: { status: 'Accepted' },
    });
    const [asked] = await received((request) => request.path.endsWith('/WL-NEVER/authorize'));
    expect(asked.body).toEqual({ location_id: tenant.siteId, evse_uids: ['CPO-16*1', 'CPO-16*2'] });
    expect(await station.call('Authorize', { idTag: 'WL-BLOCKED' })).toEqual({
      idTagInfo: { status: 'Blocked' },
    });
  });

  it('authorizes a token nobody pushed in real time at the eMSP; the session is that eMSP’s', async () => {
    await peer.seed('tokens', [token('UNPUSHED-1', 'NEVER', { contract_id: 'NL-EXW-C99' })]);
    expect(await station.call('Authorize', { idTag: 'UNPUSHED-1' })).toEqual({
      idTagInfo: { status: 'Accepted' },
    });
    await charge('UNPUSHED-1', 1, 20_000, 21_000);
    const [session] = await received(
      (request) => request.path.includes('/sessions/') && request.body?.cdr_token?.uid === 'UNPUSHED-1',
    );
    expect(session.body).toMatchObject({
      auth_method: 'AUTH_REQUEST',
      authorization_reference: expect.stringMatching(/^AUTH-/),
      cdr_token: { contract_id: 'NL-EXW-C99' },
    });
    expect(await station.call('Authorize', { idTag: 'NOBODY-KNOWS' })).toEqual({
      idTagInfo: { status: 'Invalid' },
    });
  });

  it('accepts roaming tokens at a 2.0.1 station alike', async () => {
    await pushToken('WL-201', 'ALLOWED');
    const authorized = (await station201.call('Authorize', {
      idToken: { idToken: 'WL-201', type: 'ISO14443' },
    })) as Json;
    expect(authorized.idTokenInfo.status).toBe('Accepted');
    await station201.call('TransactionEvent', {
      eventType: 'Started',
      triggerReason: 'Authorized',
      seqNo: 0,
      timestamp: new Date().toISOString(),
      transactionInfo: { transactionId: 'roam-201' },
      idToken: { idToken: 'WL-201', type: 'ISO14443' },
      evse: { id: 1, connectorId: 1 },
    });
    const [session] = await received(
      (request) => request.path.includes('/sessions/') && request.body?.cdr_token?.uid === 'WL-201',
    );
    expect(session.body).toMatchObject({ status: 'ACTIVE', evse_uid: 'CPO-201*1', auth_method: 'WHITELIST' });
  });

  it('turns START_SESSION into a remote start and POSTs the result to the response_url', async () => {
    let remoteStart: Json;
    station.handle('RemoteStartTransaction', async ({ params }) => {
      remoteStart = params;
      return { status: 'Accepted' };
    });
    const command = await peer.command('START_SESSION', {
      token: token('APP-7', 'NEVER', { type: 'APP_USER' }),
      location_id: tenant.siteId,
      evse_uid: 'CPO-16*1',
      authorization_reference: 'REF-START-1',
    });
    expect(command.reply).toMatchObject({ status_code: 1000, data: { result: 'ACCEPTED', timeout: 60 } });
    const result = await eventually(
      () => peer.state(),
      (state) => state.commands[command.uid] !== undefined,
    );
    expect(result.commands[command.uid]).toMatchObject({ result: 'ACCEPTED' });
    expect(remoteStart).toEqual({ connectorId: 1, idTag: 'APP-7' });
    // The station starts with the token: no real-time authorization, the session carries the command's reference.
    await charge('APP-7', 1, 30_000, 30_500);
    const [session] = await received(
      (request) => request.path.includes('/sessions/') && request.body?.cdr_token?.uid === 'APP-7',
    );
    expect(session.body).toMatchObject({ auth_method: 'COMMAND', authorization_reference: 'REF-START-1' });
    expect((await peer.state()).received.some((request) => request.path.endsWith('/APP-7/authorize'))).toBe(
      false,
    );
  });

  it('stops the eMSP’s own session with STOP_SESSION; others are unknown', async () => {
    await pushToken('WL-STOP', 'ALWAYS');
    const start = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag: 'WL-STOP',
      meterStart: 40_000,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number };
    const [session] = await received(
      (request) => request.path.includes('/sessions/') && request.body?.cdr_token?.uid === 'WL-STOP',
    );
    let remoteStop: Json;
    station.handle('RemoteStopTransaction', async ({ params }) => {
      remoteStop = params;
      return { status: 'Accepted' };
    });
    const command = await peer.command('STOP_SESSION', { session_id: session.body.id });
    expect(command.reply.data).toMatchObject({ result: 'ACCEPTED' });
    await eventually(
      () => peer.state(),
      (state) => state.commands[command.uid]?.result === 'ACCEPTED',
    );
    expect(remoteStop).toEqual({ transactionId: start.transactionId });
    const unknown = await peer.command('STOP_SESSION', { session_id: 'no-such-session' });
    expect(unknown.reply.data).toMatchObject({ result: 'UNKNOWN_SESSION', timeout: 0 });
  });

  it('reserves with an OCPP reservation id of its own, cancels it, and unlocks connectors', async () => {
    const calls: [string, Json][] = [];
    for (const action of ['ReserveNow', 'CancelReservation']) {
      station.handle(action, async ({ params }) => {
        calls.push([action, params]);
        return { status: 'Accepted' };
      });
    }
    station.handle('UnlockConnector', async ({ params }) => {
      calls.push(['UnlockConnector', params]);
      return { status: 'Unlocked' };
    });
    const expiry = new Date(Date.now() + 3_600_000).toISOString();
    const reserve = await peer.command('RESERVE_NOW', {
      token: token('WL-RES', 'ALWAYS'),
      expiry_date: expiry,
      reservation_id: 'RES-1',
      location_id: tenant.siteId,
      evse_uid: 'CPO-16*1',
    });
    const cancel = await peer.command('CANCEL_RESERVATION', { reservation_id: 'RES-1' });
    const unlock = await peer.command('UNLOCK_CONNECTOR', {
      location_id: tenant.siteId,
      evse_uid: 'CPO-16*2',
      connector_id: '1',
    });
    const state = await eventually(
      () => peer.state(),
      (current) =>
        [reserve, cancel, unlock].every((command) => current.commands[command.uid]?.result === 'ACCEPTED'),
    );
    expect(Object.keys(state.commands)).toEqual(
      expect.arrayContaining([reserve.uid, cancel.uid, unlock.uid]),
    );
    const reserveNow = calls.find(([action]) => action === 'ReserveNow')![1];
    expect(reserveNow).toMatchObject({
      connectorId: 1,
      idTag: 'WL-RES',
      expiryDate: expiry.replace('Z', '') + 'Z',
    });
    expect(Number.isInteger(reserveNow.reservationId)).toBe(true);
    expect(calls.find(([action]) => action === 'CancelReservation')![1]).toEqual({
      reservationId: reserveNow.reservationId,
    });
    expect(calls.find(([action]) => action === 'UnlockConnector')![1]).toEqual({ connectorId: 2 });
  });

  it('reports a station that does not answer as TIMEOUT', async () => {
    station.handle('UnlockConnector', () => new Promise(() => undefined));
    const unlock = await peer.command('UNLOCK_CONNECTOR', {
      location_id: tenant.siteId,
      evse_uid: 'CPO-16*1',
      connector_id: '1',
    });
    expect(unlock.reply.data.result).toBe('ACCEPTED');
    const state = await eventually(
      () => peer.state(),
      (current) => current.commands[unlock.uid] !== undefined,
    );
    expect(state.commands[unlock.uid].result).toBe('TIMEOUT');
  });

  it('refuses commands it cannot carry out: an unknown location (2003), an offline station, an unknown command', async () => {
    const unknown = await peer.command('START_SESSION', {
      token: token('X', 'ALWAYS'),
      location_id: 'not-ours',
    });
    expect(unknown.reply).toMatchObject({ status_code: 2003, data: { result: 'REJECTED' } });
    // A private site is not a location: its id is unknown alike.
    const depot = await peer.command('UNLOCK_CONNECTOR', {
      location_id: depotSiteId,
      evse_uid: 'DEPOT-1*1',
      connector_id: '1',
    });
    expect(depot.reply.status_code).toBe(2003);
    await station201.close();
    await eventually(
      () =>
        peer.command('UNLOCK_CONNECTOR', {
          location_id: tenant.siteId,
          evse_uid: 'CPO-201*1',
          connector_id: '1',
        }),
      (offline) => offline.reply.data.result === 'REJECTED',
    );
    const missing = await peer.command('START_SESSION', { location_id: tenant.siteId });
    expect(missing.reply.status_code).toBe(2001);
  });

  it('sets a charging profile on the session’s transaction and reports the station’s answer', async () => {
    await pushToken('WL-PROFILE', 'ALWAYS');
    const start = (await station.call('StartTransaction', {
      connectorId: 2,
      idTag: 'WL-PROFILE',
      meterStart: 0,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number };
    const [session] = await received(
      (request) => request.path.includes('/sessions/') && request.body?.cdr_token?.uid === 'WL-PROFILE',
    );
    let profile: Json;
    station.handle('SetChargingProfile', async ({ params }) => {
      profile = params;
      return { status: 'Accepted' };
    });
    const responseUrl = `${peer.baseUrl}/ocpi/emsp/2.2.1/commands/profile-1`;
    const reply = await peer.request(
      `${tenant.app.httpUrl}/ocpi/default/2.2.1/cpo/chargingprofiles/${session.body.id}`,
      'PUT',
      {
        response_url: responseUrl,
        charging_profile: {
          charging_rate_unit: 'A',
          charging_profile_period: [{ start_period: 0, limit: 16 }],
        },
      },
    );
    expect(reply.body).toMatchObject({ status_code: 1000, data: { result: 'ACCEPTED' } });
    await eventually(
      () => peer.state(),
      (state) => state.commands['profile-1']?.result === 'ACCEPTED',
    );
    expect(profile).toMatchObject({
      connectorId: 2,
      csChargingProfiles: {
        chargingProfilePurpose: 'TxProfile',
        transactionId: start.transactionId,
        chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
      },
    });
    const unknown = await peer.request(
      `${tenant.app.httpUrl}/ocpi/default/2.2.1/cpo/chargingprofiles/nope`,
      'PUT',
      {
        response_url: responseUrl,
        charging_profile: { charging_rate_unit: 'W' },
      },
    );
    expect(unknown.body.data).toMatchObject({ result: 'UNKNOWN_SESSION' });
  });

  it('pages its lists (Link, X-Total-Count, X-Limit), windows them (date_from inclusive, date_to exclusive), and keeps other parties out', async () => {
    const sessions = `${tenant.app.httpUrl}/ocpi/default/2.2.1/cpo/sessions`;
    const since = 'date_from=2020-01-01T00:00:00Z';
    const all = await peer.request(`${sessions}?${since}`);
    const ids: string[] = all.body.data.map((session: Json) => session.id);
    expect(ids.length).toBeGreaterThan(3);
    expect(all.headers['x-total-count']).toBe(String(ids.length));
    expect(all.headers['x-limit']).toBe('100');
    expect(all.headers.link).toBeUndefined();

    const first = await peer.request(`${sessions}?${since}&limit=2`);
    expect(first.body.data.map((session: Json) => session.id)).toEqual(ids.slice(0, 2));
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link)![1];
    const second = await peer.request(next);
    expect(second.body.data.map((session: Json) => session.id)).toEqual(ids.slice(2, 4));
    expect(second.headers['x-total-count']).toBe(String(ids.length));

    const { id, last_updated: at } = all.body.data[0];
    const from = await peer.request(`${sessions}?date_from=${encodeURIComponent(at)}`);
    expect(from.body.data.map((session: Json) => session.id)).toContain(id);
    const until = await peer.request(`${sessions}?${since}&date_to=${encodeURIComponent(at)}`);
    expect(until.body.data.map((session: Json) => session.id)).not.toContain(id);
    const missing = await peer.request(sessions);
    expect(missing.body.status_code).toBe(2001);

    // Another party's token under this partner's credentials: not found, as if it did not exist.
    const foreign = await peer.request(
      `${tenant.app.httpUrl}/ocpi/default/2.2.1/cpo/tokens/FR/OTH/WL-ALWAYS`,
    );
    expect(foreign.http_status).toBe(404);
    expect(foreign.body.status_code).toBe(2000);
    const own = await peer.request(`${tenant.app.httpUrl}/ocpi/default/2.2.1/cpo/tokens/NL/EXW/WL-ALWAYS`);
    expect(own.body).toMatchObject({ status_code: 1000, data: { uid: 'WL-ALWAYS' } });
  });
});
