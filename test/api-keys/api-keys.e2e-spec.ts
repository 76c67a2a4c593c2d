import { HousekeepingService } from '@csms/housekeeping';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { createHash } from 'node:crypto';
import { createApiKey, revokeApiKey, whoami } from '../support/api-keys';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { Mailpit } from '../support/mailpit';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { TestApp, startTestApp } from '../support/test-app';
import { eventually } from '../support/users';
import {
  createCompany,
  createSite,
  createSiteArea,
  createStationIn,
  listedStations,
} from '../organizations/support/organizations';

const API_KEYS = `{ apiKeys { id name prefix role status expiresSoon createdAt expiresAt lastUsedAt lastUsedIp
  revokedAt createdBy rateLimitPerMinute siteAdminSiteIds siteOwnerSiteIds } }`;
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const CREATE_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }';
const DAY_MS = 86_400_000;

interface ListedKey {
  id: string;
  name: string;
  prefix: string;
  role: string;
  status: string;
  expiresSoon: boolean;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
  createdBy: string;
  rateLimitPerMinute: number;
}

describe('API keys for technical users', () => {
  let server: TestApp;
  let mailpit: Mailpit;
  let superAdmin: GraphQLClient;
  /** A tenant admin who reads French. */
  let admin: GraphQLClient;
  const adminEmail = `keys-admin-${Date.now()}@example.com`;
  let database: Connection;

  const listKeys = async (client = admin, args = ''): Promise<ListedKey[]> =>
    (
      await client.data<{ apiKeys: ListedKey[] }>(
        args ? API_KEYS.replace('apiKeys', `apiKeys${args}`) : API_KEYS,
      )
    ).apiKeys;
  const listedKey = async (id: string): Promise<ListedKey> =>
    (await listKeys()).find((key) => key.id === id)!;

  beforeAll(async () => {
    mailpit = await Mailpit.start();
    server = await startTestApp('api-keys', { SMTP_URL: mailpit.smtpUrl, NOTIFICATION_RETRY_BASE_MS: '50' });
    database = server.app.get<Connection>(getConnectionToken());
    superAdmin = await loginAsAdmin(server.httpUrl);
    const password = 'Str0ng!Passw0rd';
    await superAdmin.data(CREATE_USER, {
      input: { email: adminEmail, password, role: 'ADMIN', locale: 'fr' },
    });
    admin = await superAdmin.login(adminEmail, password);
  });

  afterAll(async () => {
    await server?.close();
    await mailpit?.stop();
  });

  it('shows the secret once: recognisable, stored only as a hash, never listed again', async () => {
    const key = await createApiKey(admin, { name: 'Billing export', role: 'ADMIN' });
    expect(key.secret).toMatch(/^vg_live_default_[0-9A-Za-z]{46}$/);
    expect(key.prefix).toBe(key.secret.slice(0, 'vg_live_default_'.length + 8));

    const listed = await listedKey(key.id);
    expect(listed).toMatchObject({
      name: 'Billing export',
      prefix: key.prefix,
      role: 'ADMIN',
      status: 'ACTIVE',
      expiresSoon: false,
      revokedAt: null,
      createdBy: adminEmail,
      rateLimitPerMinute: 600,
    });
    const lifetime = Date.parse(listed.expiresAt) - Date.parse(listed.createdAt);
    expect(Math.round(lifetime / DAY_MS)).toBe(180);
    expect(JSON.stringify(await listKeys())).not.toContain(key.secret.slice(16));

    const stored = await database.collection('api_keys').findOne({ _id: key.id as never });
    expect(stored?.secretHash).toBe(createHash('sha256').update(key.secret).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(key.secret.slice(16));
  });

  it('works as a bearer token on GraphQL, graphql-ws and HTTP routes, and records its last use', async () => {
    const key = await createApiKey(admin, { name: 'Fleet manager', role: 'ADMIN' });
    const { currentTenant } = await key.client.data<{ currentTenant: { id: string } }>(
      '{ currentTenant { id } }',
    );
    expect(currentTenant.id).toBe('default');

    const ws = subscribe<{ currentTenant: { id: string } }>(
      graphqlWsClient(server.wsUrl, `Bearer ${key.secret}`),
      '{ currentTenant { id } }',
    );
    expect(await ws.next()).toEqual({ currentTenant: { id: 'default' } });
    await ws.close();

    expect(await whoami(server.httpUrl, key.secret)).toMatchObject({
      status: 200,
      body: {
        tenantId: 'default',
        role: 'ADMIN',
        id: key.id,
        apiKey: { id: key.id, name: 'Fleet manager', prefix: key.prefix },
      },
    });

    const used = await eventually(
      () => listedKey(key.id),
      (listed) => listed.lastUsedAt !== null,
    );
    expect(Date.now() - Date.parse(used.lastUsedAt!)).toBeLessThan(60_000);
    expect(used.lastUsedIp).toMatch(/127\.0\.0\.1$/);
  });

  it('a key with role BASIC cannot do admin things', async () => {
    const basic = await createApiKey(admin, { role: 'BASIC' });
    const input = { email: `by-key-${Date.now()}@example.com`, password: 'Str0ng!Passw0rd', role: 'BASIC' };
    expect(await basic.client.errorCode(CREATE_USER, { input })).toBe('FORBIDDEN');
    expect(await basic.client.errorCode(API_KEYS)).toBe('FORBIDDEN');
    expect(await basic.client.errorCode(CREATE_KEY, { input: { name: 'x', role: 'BASIC' } })).toBe(
      'FORBIDDEN',
    );
    expect(await basic.client.errorCode('{ auditLog { totalCount } }')).toBe('FORBIDDEN');
    // What a basic user may do, it may: list the stations to charge at.
    await expect(basic.client.data('{ chargingStations { totalCount } }')).resolves.toBeDefined();
  });

  it('a key cannot create a key with a higher role than its own, nor can a person', async () => {
    const adminKey = await createApiKey(admin, { role: 'ADMIN' });
    expect(await adminKey.client.errorCode(CREATE_KEY, { input: { name: 'up', role: 'SUPER_ADMIN' } })).toBe(
      'FORBIDDEN',
    );
    expect(await admin.errorCode(CREATE_KEY, { input: { name: 'up', role: 'SUPER_ADMIN' } })).toBe(
      'FORBIDDEN',
    );

    const child = await createApiKey(adminKey.client, { name: 'Created by a key', role: 'BASIC' });
    expect(await listedKey(child.id)).toMatchObject({
      role: 'BASIC',
      createdBy: expect.stringContaining(adminKey.prefix),
    });
    // A super admin may hand out its own role.
    const platformKey = await createApiKey(superAdmin, { role: 'SUPER_ADMIN' });
    expect((await whoami(server.httpUrl, platformKey.secret)).body.role).toBe('SUPER_ADMIN');
    // …which an admin of the same tenant may not revoke: it is above their role.
    expect(
      await admin.errorCode('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: platformKey.id }),
    ).toBe('FORBIDDEN');
  });

  it('a revoked key is refused at once on HTTP and on its open graphql-ws connection', async () => {
    const key = await createApiKey(admin, { role: 'ADMIN' });
    const wsClient = graphqlWsClient(server.wsUrl, `Bearer ${key.secret}`);
    const live = subscribe<{ userCreated: { email: string } }>(
      wsClient,
      'subscription { userCreated { email } }',
    );
    const email = `seen-live-${Date.now()}@example.com`;
    await eventually(
      async () => {
        await admin.data(CREATE_USER, {
          input: { email: `${Math.random()}${email}`, password: 'Str0ng!Passw0rd', role: 'BASIC' },
        });
        return live.next(1000).then(
          () => true,
          () => false,
        );
      },
      Boolean,
      10_000,
    );
    expect((await whoami(server.httpUrl, key.secret)).status).toBe(200);

    await revokeApiKey(admin, key.id);

    expect(await key.client.errorCode('{ currentTenant { id } }')).toBe('UNAUTHENTICATED');
    expect(await whoami(server.httpUrl, key.secret)).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    await expect(live.next(5000)).rejects.toThrow(/Socket closed 4403/);
    const next = subscribe(wsClient, '{ currentTenant { id } }');
    await expect(next.next(5000)).rejects.toThrow(/4403|closed/i);
    await live.close();

    const revoked = await listedKey(key.id);
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedAt: expect.any(String) });
    // Revoking again changes nothing.
    await revokeApiKey(admin, key.id);
    expect((await listedKey(key.id)).revokedAt).toBe(revoked.revokedAt);
  });

  it('an expired key is refused', async () => {
    const key = await createApiKey(admin, { role: 'ADMIN', expiresInDays: 1 });
    expect((await whoami(server.httpUrl, key.secret)).status).toBe(200);
    // A day passes.
    await database
      .collection('api_keys')
      .updateOne({ _id: key.id as never }, { $set: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await key.client.errorCode('{ currentTenant { id } }')).toBe('UNAUTHENTICATED');
    expect((await whoami(server.httpUrl, key.secret)).status).toBe(401);
    const refused = subscribe(
      graphqlWsClient(server.wsUrl, `Bearer ${key.secret}`),
      '{ currentTenant { id } }',
    );
    await expect(refused.next(5000)).rejects.toThrow(/4403/);
    expect((await listedKey(key.id)).status).toBe('EXPIRED');
    expect((await listKeys(admin, '(status: EXPIRED)')).map((listed) => listed.id)).toContain(key.id);
  });

  it("belongs to its tenant: another tenant's key works there only, and not once the tenant is deactivated", async () => {
    const tenant = `keys-${Date.now()}`;
    const owner = { email: `owner@${tenant}.example.com`, password: 'T3nant!Passw0rd' };
    await superAdmin.data('mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', {
      input: { id: tenant, name: 'Keys Co', adminEmail: owner.email, adminPassword: owner.password },
    });
    const tenantAdmin = await new GraphQLClient(server.httpUrl).login(owner.email, owner.password, tenant);
    const key = await createApiKey(tenantAdmin, { role: 'ADMIN' });
    expect(key.secret.startsWith(`vg_live_${tenant}_`)).toBe(true);
    expect((await whoami(server.httpUrl, key.secret)).body).toMatchObject({ tenantId: tenant });
    expect((await listKeys()).map((listed) => listed.id)).not.toContain(key.id);

    await superAdmin.data('mutation($id: ID!) { deactivateTenant(id: $id) { id } }', { id: tenant });
    expect((await whoami(server.httpUrl, key.secret)).status).toBe(401);
  });

  it('validates what a key is created with, and refuses what is no key', async () => {
    const bad = (input: Record<string, unknown>) =>
      admin.errorCode(CREATE_KEY, { input: { name: 'k', ...input } });
    expect(await bad({ role: 'ADMIN', expiresInDays: 0 })).toBe('BAD_USER_INPUT');
    expect(await bad({ role: 'ADMIN', expiresInDays: 731 })).toBe('BAD_USER_INPUT');
    expect(await bad({ role: 'ADMIN', name: '   ' })).toBe('BAD_USER_INPUT');
    expect(await bad({ role: 'ADMIN', rateLimitPerMinute: 0 })).toBe('BAD_USER_INPUT');
    expect(await bad({ role: 'ADMIN', siteAdminSiteIds: ['000000000000000000000000'] })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await bad({ role: 'BASIC', siteOwnerSiteIds: ['000000000000000000000000'] })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await admin.errorCode('mutation { revokeApiKey(id: "000000000000000000000000") { id } }')).toBe(
      'NOT_FOUND',
    );

    const { secret } = await createApiKey(admin, { role: 'ADMIN' });
    const typo = `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
    expect(await new GraphQLClient(server.httpUrl, typo).errorCode('{ currentTenant { id } }')).toBe(
      'UNAUTHENTICATED',
    );
    expect((await whoami(server.httpUrl, 'vg_live_default_nothing')).status).toBe(401);
  });

  it('a BASIC key with site scopes sees and commands the stations of its sites only', async () => {
    const company = await createCompany(admin, 'Key Co');
    const [siteA, siteB] = [
      await createSite(admin, company, 'Depot A'),
      await createSite(admin, company, 'Depot B'),
    ];
    await createStationIn(admin, 'CS-KEY-A', await createSiteArea(admin, siteA, 'Bay A'));
    await createStationIn(admin, 'CS-KEY-B', await createSiteArea(admin, siteB, 'Bay B'));
    const scoped = await createApiKey(admin, { role: 'BASIC', siteAdminSiteIds: [siteA] });
    expect(await listedKey(scoped.id)).toMatchObject({ siteAdminSiteIds: [siteA], siteOwnerSiteIds: [] });

    expect(await listedStations(scoped.client)).toEqual(['CS-KEY-A']);
    const reset = (station: string) =>
      scoped.client.errorCode(`mutation { reset(chargingStationId: "${station}", type: SOFT) { status } }`);
    // Allowed, and only the station's absence stops it; the other site's station is not even visible.
    expect(await reset('CS-KEY-A')).toBe('STATION_OFFLINE');
    expect(await reset('CS-KEY-B')).toBe('NOT_FOUND');
  });

  it("limits each key's requests, with the time to wait, apart from people's limits", async () => {
    const key = await createApiKey(admin, { role: 'ADMIN', rateLimitPerMinute: 2 });
    const other = await createApiKey(admin, { role: 'ADMIN', rateLimitPerMinute: 2 });
    await key.client.data('{ currentTenant { id } }');
    await key.client.data('{ currentTenant { id } }');

    const response = await fetch(`${server.httpUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.secret}` },
      body: JSON.stringify({ query: '{ currentTenant { id } }' }),
    });
    const refused = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(refused.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const retryAfter = refused.errors[0].extensions.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(response.headers.get('retry-after')).toBe(String(retryAfter));
    const http = await whoami(server.httpUrl, key.secret);
    expect(http.status).toBe(429);
    expect(Number(http.retryAfter)).toBeGreaterThanOrEqual(1);

    await expect(other.client.data('{ currentTenant { id } }')).resolves.toBeDefined();
    for (let i = 0; i < 3; i++) await expect(admin.data('{ currentTenant { id } }')).resolves.toBeDefined();
  });

  it('shows keys close to expiry, and emails their admins once, in their language', async () => {
    const soon = await createApiKey(admin, { name: 'Roaming bridge', role: 'BASIC', expiresInDays: 10 });
    const later = await createApiKey(admin, { name: 'Later', role: 'BASIC', expiresInDays: 100 });
    expect(await listedKey(soon.id)).toMatchObject({ expiresSoon: true });
    expect(await listedKey(later.id)).toMatchObject({ expiresSoon: false });
    const expiring = (await listKeys(admin, '(expiringWithinDays: 14)')).map((key) => key.id);
    expect(expiring).toContain(soon.id);
    expect(expiring).not.toContain(later.id);

    const housekeeping = server.app.get(HousekeepingService);
    const run = await housekeeping.runOnce('api-key-reminders');
    expect(run).toMatchObject({ ran: true, counts: { keys: 1 } });
    const mail = await mailpit.waitFor(adminEmail, (received) => received.subject.includes('Roaming bridge'));
    expect(mail.subject).toContain('expire bientôt');
    expect(mail.text).toContain(soon.prefix);
    expect(mail.text).not.toContain(soon.secret.slice(16));

    expect((await housekeeping.runOnce('api-key-reminders')).counts).toEqual({ keys: 0, emails: 0 });
  });
});
