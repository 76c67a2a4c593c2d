import { createHash } from 'node:crypto';
import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient } from '../support/graphql-client';
import { Json, OcpiPeer } from '../support/ocpi-peer';
import { createUserAndLogin, eventually } from '../support/users';
import {
  RoamingTenant,
  bootStation16,
  collection,
  ocpiFetch,
  registerWith,
  startRoamingTenant,
} from './support/roaming-fixture';

const PARTNER_FIELDS =
  'id name role status version countryCode partyId authorizationHeader lastError roles { role countryCode partyId } endpoints { identifier role url }';

/** Partners in GraphQL and the credentials exchange both ways, against extrawest-ocpi. */
describe('OCPI partners and the credentials handshake', () => {
  let tenant: RoamingTenant;
  let admin: GraphQLClient;
  let both: OcpiPeer;
  let old: OcpiPeer;
  let sender: OcpiPeer;
  let station: RPCClient | undefined;

  beforeAll(async () => {
    tenant = await startRoamingTenant('ocpi-partners', {
      ROAMING_OUTBOX_RETRY_BASE_MS: '100',
      ROAMING_OUTBOX_RETRY_MAX_MS: '500',
      ROAMING_OUTBOX_POLL_MS: '100',
    });
    admin = tenant.admin;
    [both, old, sender] = await Promise.all([
      OcpiPeer.start({ role: 'emsp', versions: ['2.2.1', '2.1.1'], partyId: 'BTH' }),
      OcpiPeer.start({ role: 'emsp', versions: ['2.1.1'], partyId: 'OLD' }),
      OcpiPeer.start({ role: 'emsp', versions: ['2.2.1'], partyId: 'SND' }),
    ]);
  });

  afterAll(async () => {
    await station?.close();
    await Promise.all([both?.dispose(), old?.dispose(), sender?.dispose()]);
    await tenant?.app.close();
  });

  async function partner(id: string) {
    const { ocpiPartner } = await admin.data<{ ocpiPartner: Record<string, Json> }>(
      `query($id: ID!) { ocpiPartner(id: $id) { ${PARTNER_FIELDS} } }`,
      { id },
    );
    return ocpiPartner;
  }

  let bothId: string;
  let oldId: string;
  let senderId: string;

  it('registers with a partner that offers 2.2.1 and 2.1.1, choosing 2.2.1 (token A → B → C)', async () => {
    const { createOcpiPartner } = await admin.data<{ createOcpiPartner: Json }>(
      `mutation($input: CreateOcpiPartnerInput!) { createOcpiPartner(input: $input) { tokenA versionsUrl partner { ${PARTNER_FIELDS} } } }`,
      { input: { name: 'Both versions', role: 'EMSP', versionsUrl: both.versionsUrl, tokenA: both.tokenA } },
    );
    bothId = createOcpiPartner.partner.id;
    expect(createOcpiPartner.tokenA).toBe('');
    expect(createOcpiPartner.versionsUrl).toBe(`${tenant.app.httpUrl}/ocpi/default/versions`);
    expect(createOcpiPartner.partner).toMatchObject({
      status: 'REGISTERED',
      version: '2.2.1',
      countryCode: 'NL',
      partyId: 'BTH',
      role: 'EMSP',
      roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'BTH' }],
    });
    expect(createOcpiPartner.partner.endpoints.map((e: Json) => `${e.identifier}:${e.role}`)).toEqual(
      expect.arrayContaining(['credentials:RECEIVER', 'locations:RECEIVER', 'sessions:RECEIVER']),
    );
    const state = await both.state();
    expect(state.token_a).toEqual([]);
    const [client] = Object.values(state.clients);
    expect(client.version).toBe('2.2.1');
    expect(client.credentials.url).toBe(createOcpiPartner.versionsUrl);
    expect(client.credentials.roles).toEqual([
      expect.objectContaining({ role: 'CPO', party_id: 'VGC', country_code: 'DE' }),
    ]);
  });

  it('agrees on 2.1.1 with a partner that speaks nothing newer', async () => {
    const registered = await registerWith(admin, old, 'EMSP');
    oldId = registered.id;
    expect(registered).toMatchObject({ status: 'REGISTERED', version: '2.1.1' });
    const [client] = Object.values((await old.state()).clients);
    expect(client.credentials).toMatchObject({
      party_id: 'VGC',
      country_code: 'DE',
      business_details: { name: 'Voltgrid CPO' },
    });
  });

  it('keeps our tokens as digests only and the partner’s encrypted', async () => {
    const peerState = await both.state();
    const [[theirToken, client]] = Object.entries(peerState.clients);
    const ourToken: string = client.credentials.token;
    const digests = await collection(tenant, 'roaming_partner_tokens').find({ partnerId: bothId }).toArray();
    expect(digests.map((doc) => doc._id)).toEqual([createHash('sha256').update(ourToken).digest('hex')]);
    const stored = JSON.stringify(
      await collection(tenant, 'roaming_partners').findOne({ _id: bothId as never }),
    );
    expect(stored).not.toContain(ourToken);
    expect(stored).not.toContain(theirToken);
    expect(stored).toMatch(/"outgoingToken":"v1:/);
  });

  it('hands out a token A for the partner to register with; the token A then stops working', async () => {
    const { createOcpiPartner } = await admin.data<{ createOcpiPartner: Json }>(
      'mutation($input: CreateOcpiPartnerInput!) { createOcpiPartner(input: $input) { tokenA versionsUrl partner { id status } } }',
      { input: { name: 'Registers with us', role: 'EMSP' } },
    );
    senderId = createOcpiPartner.partner.id;
    expect(createOcpiPartner.partner.status).toBe('PENDING');
    expect(createOcpiPartner.tokenA).toMatch(/^[\x21-\x7e]{20,64}$/);
    // A token A opens the versions and credentials modules, nothing else.
    expect((await ocpiFetch(tenant, '/versions', { token: createOcpiPartner.tokenA })).status).toBe(200);
    expect(
      (await ocpiFetch(tenant, '/2.2.1/cpo/locations', { token: createOcpiPartner.tokenA })).status,
    ).toBe(401);

    const registration = await sender.register(createOcpiPartner.versionsUrl, createOcpiPartner.tokenA);
    expect(registration.body.status_code).toBe(1000);
    expect(registration.body.data.roles).toEqual([expect.objectContaining({ role: 'CPO', party_id: 'VGC' })]);
    expect(await partner(senderId)).toMatchObject({ status: 'REGISTERED', version: '2.2.1', partyId: 'SND' });
    // Token C works, token A is thrown away.
    expect((await sender.request(`${tenant.app.httpUrl}/ocpi/default/2.2.1/cpo/locations`)).http_status).toBe(
      200,
    );
    expect((await ocpiFetch(tenant, '/versions', { token: createOcpiPartner.tokenA })).status).toBe(401);
    // Registering twice is refused (405).
    const again = await sender.request(`${tenant.app.httpUrl}/ocpi/default/2.2.1/credentials`, 'POST', {
      token: 'another-token',
      url: sender.versionsUrl,
      roles: [{ role: 'EMSP', party_id: 'SND', country_code: 'NL', business_details: { name: 'x' } }],
    });
    expect(again.http_status).toBe(405);
  });

  it('rotates our token with PUT: the old one stops working, the new one works', async () => {
    const before = Object.values((await both.state()).clients)[0].credentials.token;
    const { rotateOcpiPartnerToken } = await admin.data<{ rotateOcpiPartnerToken: Json }>(
      'mutation($id: ID!) { rotateOcpiPartnerToken(id: $id) { status lastError } }',
      { id: bothId },
    );
    expect(rotateOcpiPartnerToken).toEqual({ status: 'REGISTERED', lastError: null });
    const state = await both.state();
    expect(state.received.at(-1)).toMatchObject({
      method: 'PUT',
      path: '/ocpi/emsp/2.2.1/credentials/',
      status: 200,
    });
    const after = Object.values(state.clients)[0].credentials.token;
    expect(after).not.toBe(before);
    expect((await ocpiFetch(tenant, '/versions', { token: before })).status).toBe(401);
    expect((await ocpiFetch(tenant, '/versions', { token: after })).status).toBe(200);
  });

  it('accepts the credentials token Base64 or plain, and sends it as the partner switch says', async () => {
    const [[theirToken, client]] = Object.entries((await both.state()).clients);
    const token = client.credentials.token;
    expect((await ocpiFetch(tenant, '/2.2.1', { token })).status).toBe(200);
    expect((await ocpiFetch(tenant, '/2.2.1', { token, base64: false })).status).toBe(200);

    await admin.data(
      'mutation($input: UpdateOcpiPartnerInput!) { updateOcpiPartner(input: $input) { id } }',
      {
        input: { id: bothId, authorizationHeader: 'PLAIN' },
      },
    );
    // A location push: the 2.2.1 peer cannot read a plain token and refuses it (OCPI 3000, or HTTP 403 when the
    // token happens to decode as base64 to something else); the outbox keeps retrying.
    station = await bootStation16(tenant, 'PARTNERS-1');
    const plain = `Token ${theirToken}`;
    await eventually(
      () => both.state(),
      (state) =>
        state.received.some(
          (request) => request.path.includes('/locations/') && request.authorization === plain,
        ),
      15_000,
    );
    const pending = await eventually(
      () =>
        admin.data<{ roamingOutbox: Json }>(
          'query($partnerId: ID) { roamingOutbox(partnerId: $partnerId) { edges { node { kind status attempts lastProtocolStatus } } } }',
          { partnerId: bothId },
        ),
      (result) =>
        result.roamingOutbox.edges.some(
          (edge: Json) => edge.node.attempts > 0 && edge.node.lastProtocolStatus !== 1000,
        ),
    );
    expect(pending.roamingOutbox.edges[0].node).toMatchObject({ kind: 'location.put', status: 'PENDING' });

    await admin.data(
      'mutation($input: UpdateOcpiPartnerInput!) { updateOcpiPartner(input: $input) { id } }',
      {
        input: { id: bothId, authorizationHeader: 'AUTO' },
      },
    );
    const base64 = `Token ${Buffer.from(theirToken).toString('base64')}`;
    await eventually(
      () => both.state(),
      (state) =>
        state.received.some(
          (request) => request.path.includes('/locations/') && request.authorization === base64,
        ),
      15_000,
    );
    await eventually(
      () =>
        admin.data<{ roamingOutbox: Json }>(
          'query($partnerId: ID) { roamingOutbox(partnerId: $partnerId) { totalCount } }',
          {
            partnerId: bothId,
          },
        ),
      (result) => result.roamingOutbox.totalCount === 0,
    );
  });

  it('edits the roles (country code and party id) a partner speaks for', async () => {
    const { updateOcpiPartner } = await admin.data<{ updateOcpiPartner: Json }>(
      'mutation($input: UpdateOcpiPartnerInput!) { updateOcpiPartner(input: $input) { name roles { role countryCode partyId } countryCode partyId } }',
      {
        input: {
          id: oldId,
          name: 'Old hub',
          roles: [
            { role: 'EMSP', countryCode: 'nl', partyId: 'old' },
            { role: 'EMSP', countryCode: 'BE', partyId: 'OL2' },
          ],
        },
      },
    );
    expect(updateOcpiPartner).toEqual({
      name: 'Old hub',
      countryCode: 'NL',
      partyId: 'OLD',
      roles: [
        { role: 'EMSP', countryCode: 'NL', partyId: 'OLD' },
        { role: 'EMSP', countryCode: 'BE', partyId: 'OL2' },
      ],
    });
  });

  it('unregisters with DELETE at the partner; its token stops working at once', async () => {
    const token = Object.values((await old.state()).clients)[0].credentials.token;
    const { unregisterOcpiPartner } = await admin.data<{ unregisterOcpiPartner: Json }>(
      'mutation($id: ID!) { unregisterOcpiPartner(id: $id) { status lastError } }',
      { id: oldId },
    );
    expect(unregisterOcpiPartner).toEqual({ status: 'UNREGISTERED', lastError: null });
    // The peer notes a request after answering it: wait for the note rather than read it once.
    const { received } = await eventually(
      () => old.state(),
      (state) => state.received.at(-1)?.method === 'DELETE',
    );
    expect(received.at(-1)).toMatchObject({ method: 'DELETE', status: 200 });
    expect((await ocpiFetch(tenant, '/versions', { token, base64: false })).status).toBe(401);
  });

  it('is unregistered by a partner that DELETEs our credentials', async () => {
    const reply = await sender.request(`${tenant.app.httpUrl}/ocpi/default/2.2.1/credentials`, 'DELETE');
    expect(reply.body.status_code).toBe(1000);
    expect((await partner(senderId)).status).toBe('UNREGISTERED');
    expect((await sender.request(`${tenant.app.httpUrl}/ocpi/default/versions`)).http_status).toBe(401);
  });

  it('lists the partners; refuses bad input and other roles', async () => {
    const { ocpiPartners } = await admin.data<{ ocpiPartners: Json[] }>(
      '{ ocpiPartners { id status version } }',
    );
    expect(ocpiPartners.map((entry) => entry.id)).toEqual(expect.arrayContaining([bothId, oldId, senderId]));

    expect(
      await admin.errorCode(
        'mutation { createOcpiPartner(input: { name: "x", role: EMSP, tokenA: "abc" }) { tokenA } }',
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await admin.errorCode(
        'mutation { createOcpiPartner(input: { name: "x", role: EMSP, versionsUrl: "not a url", tokenA: "abc" }) { tokenA } }',
      ),
    ).toBe('BAD_USER_INPUT');
    const unreachable = await admin.request<Json>(
      'mutation { createOcpiPartner(input: { name: "Gone", role: CPO, versionsUrl: "http://127.0.0.1:9/ocpi/versions", tokenA: "abc" }) { tokenA } }',
    );
    expect(unreachable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unreachable.errors?.[0].message).toMatch(/Registration failed: Could not reach the partner/);
    const gone = await partner(unreachable.errors![0].extensions!.partnerId as string);
    expect(gone).toMatchObject({ status: 'FAILED', lastError: expect.stringMatching(/Could not reach/) });

    const driver = await createUserAndLogin(admin, 'BASIC');
    expect(await driver.client.errorCode('{ ocpiPartners { id } }')).toBe('FORBIDDEN');
    expect(
      await driver.client.errorCode(
        'mutation { createOcpiPartner(input: { name: "x", role: EMSP }) { tokenA } }',
      ),
    ).toBe('FORBIDDEN');
  });
});
