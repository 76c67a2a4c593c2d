import { RPCClient } from 'ocpp-rpc';
import { Json, OcpiPeer, ReceivedRequest } from '../support/ocpi-peer';
import { eventually } from '../support/users';
import { HousekeepingService } from '@csms/housekeeping';
import {
  RoamingTenant,
  bootStation16,
  collection,
  registerWith,
  startRoamingTenant,
} from './support/roaming-fixture';

/** A token of the peer eMSP (OCPI 2.1.1 Token). */
function token211(uid: string, whitelist: string): Json {
  return {
    uid,
    type: 'RFID',
    auth_id: `NL-EXW-${uid}`,
    issuer: 'Peer eMSP',
    valid: true,
    whitelist,
    last_updated: '2024-01-01T00:00:00Z',
  };
}

/**
 * Our CPO side on OCPI 2.1.1 (for hubs that still speak it), with extrawest-ocpi as a 2.1.1-only eMSP:
 * a token it pushes charges at our station, the session is reported and its CDR carries our price;
 * the eMSP down mid-session gets everything, in order, when it is back.
 */
describe('OCPI 2.1.1 CPO with an independent eMSP', () => {
  let tenant: RoamingTenant;
  let peer: OcpiPeer;
  let station: RPCClient;
  let tariffId: string;

  beforeAll(async () => {
    tenant = await startRoamingTenant('ocpi-cpo-211', {
      OCPI_SESSION_UPDATE_SECONDS: '0',
      ROAMING_OUTBOX_POLL_MS: '100',
      ROAMING_OUTBOX_RETRY_BASE_MS: '200',
      ROAMING_OUTBOX_RETRY_MAX_MS: '1000',
    });
    const { createTariff } = await tenant.admin.data<{ createTariff: { id: string } }>(
      'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
      {
        input: {
          name: 'Roaming 2.1.1',
          currency: 'EUR',
          elements: [
            {
              priceComponents: [
                { type: 'ENERGY', price: 0.25, vat: 19, stepSize: 1 },
                { type: 'FLAT', price: 0.5, vat: 19, stepSize: 1 },
              ],
            },
          ],
        },
      },
    );
    tariffId = createTariff.id;
    await tenant.admin.data('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id } }', {
      input: { tariffId, level: 'TENANT' },
    });
    // A price for one group of our own drivers: never shown to partners.
    const { createUserGroup } = await tenant.admin.data<{ createUserGroup: { id: string } }>(
      'mutation($input: CreateUserGroupInput!) { createUserGroup(input: $input) { id } }',
      { input: { name: 'Staff' } },
    );
    const { createTariff: staff } = await tenant.admin.data<{ createTariff: { id: string } }>(
      'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
      {
        input: {
          name: 'Staff',
          currency: 'EUR',
          elements: [{ priceComponents: [{ type: 'ENERGY', price: 0.1, vat: 19, stepSize: 1 }] }],
        },
      },
    );
    await tenant.admin.data('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id } }', {
      input: { tariffId: staff.id, level: 'TENANT', userGroupId: createUserGroup.id },
    });
    station = await bootStation16(tenant, 'CPO-211', 1);
    peer = await OcpiPeer.start({ role: 'emsp', versions: ['2.1.1'] });
    const partner = await registerWith(tenant.admin, peer, 'EMSP');
    expect(partner.version).toBe('2.1.1');
  });

  afterAll(async () => {
    await station?.close({ force: true });
    await peer?.dispose();
    await tenant?.app.close();
  });

  async function pushToken(uid: string, whitelist: string): Promise<void> {
    await peer.seed('tokens', [token211(uid, whitelist)], { version: '2.1.1' });
    const push = await peer.push('tokens', uid);
    expect(push.receiver_responses[0]).toMatchObject({ status_code: 201, response: { status_code: 1000 } });
  }

  /** A session of 2 kWh over an hour, stopped an hour ago: 0.50 + 2 × 0.25 = 1.00 excl. VAT. */
  async function charge(idTag: string, meterStart: number): Promise<void> {
    const startedAt = Date.now() - 2 * 3_600_000;
    const at = (minutes: number) => new Date(startedAt + minutes * 60_000).toISOString();
    const start = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag,
      meterStart,
      timestamp: at(0),
    })) as { transactionId: number; idTagInfo: { status: string } };
    expect(start.idTagInfo.status).toBe('Accepted');
    await station.call('MeterValues', {
      connectorId: 1,
      transactionId: start.transactionId,
      meterValue: [
        {
          timestamp: at(30),
          sampledValue: [
            { value: String(meterStart + 1000), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
          ],
        },
      ],
    });
    await station.call('StopTransaction', {
      transactionId: start.transactionId,
      meterStop: meterStart + 2000,
      timestamp: at(60),
    });
  }

  /** What the eMSP received about the session of `uid` (reports and CDR), once its CDR came, in order. */
  async function reportsOf(uid: string, timeoutMs?: number): Promise<ReceivedRequest[]> {
    const state = await eventually(
      () => peer.state(),
      (current) =>
        current.received.some(
          (request) => request.path.endsWith('/cdrs/') && request.body?.auth_id === `NL-EXW-${uid}`,
        ),
      timeoutMs,
    );
    const sessionId = state.received.find(
      (request) => request.path.includes('/sessions/') && request.body?.auth_id === `NL-EXW-${uid}`,
    )!.body.id as string;
    return state.received.filter(
      (request) =>
        request.path.endsWith(`/sessions/DE/VGC/${sessionId}`) ||
        (request.path.endsWith('/cdrs/') && request.body?.id === sessionId),
    );
  }

  it('is pulled on 2.1.1: locations and our tariffs open to all drivers, valid to py_ocpi’s 2.1.1 models', async () => {
    // Sites are projected as locations in the background: pull until ours is there.
    const locations = await eventually(
      () => peer.pull('locations'),
      (pulled) => pulled.objects.length > 0,
    );
    expect(locations.errors).toEqual([]);
    expect(locations.objects).toHaveLength(1);
    expect(locations.objects[0]).not.toHaveProperty('country_code');
    expect(locations.objects[0].evses[0]).toMatchObject({ uid: 'CPO-211*1', status: 'AVAILABLE' });
    // 2.1.1 connectors name one tariff: the one any driver gets there.
    expect(locations.objects[0].evses[0].connectors[0].tariff_id).toBe(tariffId);
    const tariffs = await peer.pull('tariffs');
    expect(tariffs.errors).toEqual([]);
    expect(tariffs.objects).toEqual([
      {
        id: tariffId,
        currency: 'EUR',
        elements: [
          {
            price_components: [
              { type: 'ENERGY', price: 0.25, step_size: 1 },
              { type: 'FLAT', price: 0.5, step_size: 1 },
            ],
          },
        ],
        last_updated: expect.any(String),
      },
    ]);
  });

  it('lets a token the eMSP pushed charge; reports the session and POSTs a CDR with our price (excl. VAT, as 2.1.1 prices are)', async () => {
    await pushToken('T211-A', 'ALLOWED');
    await charge('T211-A', 50_000);
    const requests = await reportsOf('T211-A');
    expect(requests.map((request) => `${request.method} ${request.status}`)).toEqual([
      'PUT 200',
      'PATCH 200',
      'PUT 200',
      'POST 200',
    ]);
    const [started, , completed, cdr] = requests.map((request) => request.body);
    expect(started).toMatchObject({ status: 'ACTIVE', auth_method: 'WHITELIST', kwh: 0, currency: 'EUR' });
    expect(started.location.evses.map((evse: Json) => evse.uid)).toEqual(['CPO-211*1']);
    expect(completed).toMatchObject({
      status: 'COMPLETED',
      kwh: 2,
      total_cost: 1,
      end_datetime: expect.any(String),
    });
    expect(cdr).toMatchObject({
      id: started.id,
      auth_id: 'NL-EXW-T211-A',
      auth_method: 'WHITELIST',
      currency: 'EUR',
      total_cost: 1,
      total_energy: 2,
      total_time: 1,
      tariffs: [expect.objectContaining({ id: tariffId })],
      location: expect.objectContaining({ id: tenant.siteId }),
    });
    expect(cdr).not.toHaveProperty('cdr_token');
    for (const period of cdr.charging_periods) {
      expect(period).not.toHaveProperty('tariff_id');
      for (const dimension of period.dimensions) expect(dimension.type).not.toMatch(/POWER/);
    }
    const { transaction } = await tenant.admin.data<{ transaction: { price: { exclVat: number } } }>(
      'query($id: ID!) { transaction(id: $id) { price { exclVat } } }',
      { id: cdr.id },
    );
    expect(cdr.total_cost).toBe(transaction.price.exclVat);
    expect((await peer.state()).cdrs[cdr.id.toUpperCase()]).toMatchObject({ total_cost: 1 });
  });

  it('delivers everything, in order, to an eMSP that was down while a session ran', async () => {
    await pushToken('T211-B', 'ALLOWED');
    await peer.stop();
    await charge('T211-B', 60_000);
    // While the eMSP is down, the reports wait in the outbox and are retried.
    const waiting = await eventually(
      async () =>
        (
          await tenant.admin.data<{
            roamingOutbox: { edges: { node: { kind: string; attempts: number } }[] };
          }>('query { roamingOutbox(status: PENDING, first: 20) { edges { node { kind attempts } } } }')
        ).roamingOutbox.edges.map((edge) => edge.node),
      (nodes) => nodes.some((node) => node.kind === 'cdr.post') && nodes.some((node) => node.attempts > 0),
    );
    expect(waiting.map((node) => node.kind)).toEqual(
      expect.arrayContaining(['session.put', 'session.patch', 'cdr.post']),
    );
    await peer.start();
    const requests = await reportsOf('T211-B', 30_000);
    expect(
      requests.map((request) => `${request.method} ${request.status} ${request.body.status ?? ''}`),
    ).toEqual(['PUT 200 ACTIVE', 'PATCH 200 ', 'PUT 200 COMPLETED', 'POST 200 ']);
    expect(requests[3].body.total_cost).toBe(1);
  });

  it('forgets OCPI traffic past ROAMING_LOG_RETENTION_DAYS, keeps the rest', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    const messages = collection(tenant, 'ocpi_messages');
    const kept = await messages.countDocuments({ tenantId: 'default' });
    expect(kept).toBeGreaterThan(0);
    await messages.insertOne({
      tenantId: 'default',
      direction: 'OUT',
      method: 'GET',
      url: 'http://old.example/ocpi',
      requestBytes: 0,
      latencyMs: 1,
      at: old,
    });
    const run = await tenant.app.app.get(HousekeepingService).runOnce('log-retention');
    expect(run).toMatchObject({ ran: true, counts: { ocpiMessages: 1 } });
    expect(await messages.countDocuments({ tenantId: 'default', url: 'http://old.example/ocpi' })).toBe(0);
    expect(await messages.countDocuments({ tenantId: 'default' })).toBeGreaterThanOrEqual(kept);
  });
});
