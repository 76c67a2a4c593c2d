import { AuditEntryRepository, AuditOutcome, AuditedMutations } from '@csms/audit';
import { asTenantId } from '@csms/common';
import { newId } from '@csms/database';
import { HousekeepingService } from '@csms/housekeeping';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { RPCClient } from 'ocpp-rpc';
import { parseCsv } from '../../libs/users/src/import/csv';
import { createApiKey } from '../support/api-keys';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { ADMIN, TestApp, startTestApp } from '../support/test-app';
import { TestUser, createTag, createUserAndLogin, eventually } from '../support/users';

const STATION = 'CS-AUDIT';
const DAY_MS = 86_400_000;

const AUDIT_LOG = `query($first: Int, $after: String, $targetId: ID, $actorId: ID, $action: String,
  $targetType: String, $outcome: String, $from: DateTime, $to: DateTime) {
  auditLog(first: $first, after: $after, targetId: $targetId, actorId: $actorId, action: $action,
    targetType: $targetType, outcome: $outcome, from: $from, to: $to) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id at actorId actorLabel actorType actorRole action targetType targetId outcome
      errorCode ip changes ocppCalls { chargingStationId action messageId } } }
  }
}`;

interface Entry {
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  actorType: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  errorCode: string | null;
  ip: string | null;
  changes: string | null;
  ocppCalls: { chargingStationId: string; action: string; messageId: string }[];
}

interface AuditPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Entry }[];
}

describe('audit log', () => {
  let server: TestApp;
  let superAdmin: GraphQLClient;
  let admin: TestUser;
  let station: RPCClient;
  const configurations: unknown[] = [];

  const auditLog = async (variables: Record<string, unknown>, client = admin.client): Promise<AuditPage> =>
    (await client.data<{ auditLog: AuditPage }>(AUDIT_LOG, variables)).auditLog;
  const entries = async (variables: Record<string, unknown>, client = admin.client): Promise<Entry[]> =>
    (await auditLog({ first: 100, ...variables }, client)).edges.map((edge) => edge.node);

  beforeAll(async () => {
    server = await startTestApp('audit-log');
    superAdmin = await loginAsAdmin(server.httpUrl);
    admin = await createUserAndLogin(superAdmin, 'ADMIN');
    station = await connectStation(server.wsUrl, STATION);
    station.handle('Reset', async () => ({ status: 'Accepted' }));
    station.handle('ChangeConfiguration', async ({ params }) => {
      configurations.push(params);
      return { status: 'Accepted' };
    });
    await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
  });

  afterAll(async () => {
    await station?.close({ force: true });
    await server?.close();
  });

  it('audits every mutation of the schema, whichever module wrote it', () => {
    const mutations = Object.values(server.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(50);
    const audited = server.app.get(AuditedMutations).auditedMutations;
    expect(mutations.filter((field) => !audited.has(field.name)).map((field) => field.name)).toEqual([]);
    // Append-only: the API has no way to change or remove an entry, only to export the log.
    expect(mutations.map((field) => field.name).filter((name) => /audit/i.test(name))).toEqual([
      'exportAuditLog',
    ]);
  });

  it('has a reset sent with an API key, the key as actor, the station as target, linked to its OCPP exchange', async () => {
    const key = await createApiKey(admin.client, { name: 'Ops robot', role: 'ADMIN' });
    const { reset } = await key.client.data<{ reset: { status: string } }>(
      `mutation { reset(chargingStationId: "${STATION}", type: SOFT) { status } }`,
    );
    expect(reset.status).toBe('Accepted');

    // Written before the mutation answered: no waiting here.
    const [entry] = await entries({ action: 'reset', actorId: key.id });
    expect(entry).toMatchObject({
      actorId: key.id,
      actorType: 'API_KEY',
      actorRole: 'ADMIN',
      actorLabel: expect.stringContaining('Ops robot'),
      targetType: 'ChargingStation',
      targetId: STATION,
      outcome: 'ok',
      errorCode: null,
      ip: expect.stringMatching(/127\.0\.0\.1$/),
    });
    expect(entry.actorLabel).toContain(key.prefix);
    expect(JSON.parse(entry.changes!)).toEqual({ chargingStationId: STATION, type: 'SOFT' });
    expect(entry.ocppCalls).toEqual([
      { chargingStationId: STATION, action: 'Reset', messageId: expect.any(String) },
    ]);

    const exchange = await eventually(
      () =>
        admin.client.data<{ ocppMessages: { edges: { node: Record<string, unknown> }[] } }>(
          `query($station: ID, $messageId: String) { ocppMessages(chargingStationId: $station, messageId: $messageId) {
            edges { node { action direction messageType messageId answerType } } } }`,
          { station: STATION, messageId: entry.ocppCalls[0].messageId },
        ),
      (page) => page.ocppMessages.edges.length === 1,
    );
    expect(exchange.ocppMessages.edges[0].node).toEqual({
      action: 'Reset',
      direction: 'OUT',
      messageType: 'CALL',
      messageId: entry.ocppCalls[0].messageId,
      answerType: 'CALLRESULT',
    });
  });

  it('has a revoked key still trying, once a minute, and nothing of callers nobody can name', async () => {
    const key = await createApiKey(admin.client, { name: 'Forgotten cron', role: 'ADMIN' });
    await admin.client.data('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.id });
    const attempt = () =>
      key.client.errorCode('mutation { createTag(input: { id: "TAG-FROM-REVOKED" }) { id } }');
    expect(await attempt()).toBe('UNAUTHENTICATED');
    expect(await attempt()).toBe('UNAUTHENTICATED');
    expect(await entries({ actorId: key.id, action: 'createTag' })).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        errorCode: 'UNAUTHENTICATED',
        actorType: 'API_KEY',
        actorLabel: expect.stringMatching(/Forgotten cron.*revoked/),
      }),
    ]);
    expect((await entries({ targetId: key.id })).map((entry) => entry.action)).toEqual([
      'revokeApiKey',
      'createApiKey',
    ]);

    const before = (await auditLog({})).totalCount;
    const anonymous = new GraphQLClient(server.httpUrl, 'not-a-token');
    expect(await anonymous.errorCode('mutation { createTag(input: { id: "TAG-ANON" }) { id } }')).toBe(
      'UNAUTHENTICATED',
    );
    expect((await auditLog({})).totalCount).toBe(before);
  });

  it('has failed logins without the password, the lockout, and successful logins', async () => {
    const user = await createUserAndLogin(admin.client, 'BASIC');
    const wrongPassword = 'Wr0ng!Guess-4711';
    const anonymous = new GraphQLClient(server.httpUrl);
    const login = (email: string, password: string) =>
      anonymous.request('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: email,
        p: password,
      });
    for (let attempt = 0; attempt < 4; attempt++) await login(user.email, wrongPassword);
    await login('nobody-here@example.com', wrongPassword);

    const failed = await entries({ action: 'loginFailed', targetId: user.id });
    expect(failed).toHaveLength(4);
    expect(
      failed.every((entry) => entry.outcome === 'refused' && entry.errorCode === 'UNAUTHENTICATED'),
    ).toBe(true);
    expect(failed.every((entry) => entry.actorLabel === user.email && entry.actorId === null)).toBe(true);
    expect(failed.map((entry) => JSON.parse(entry.changes!).reason)).toEqual([
      'account locked',
      'wrong password',
      'wrong password',
      'wrong password',
    ]);
    expect(await entries({ action: 'accountLocked', targetId: user.id })).toEqual([
      expect.objectContaining({ targetType: 'User', outcome: 'ok' }),
    ]);
    const unknown = await entries({ action: 'loginFailed', outcome: 'refused' });
    expect(unknown.some((entry) => entry.actorLabel === 'nobody-here@example.com')).toBe(true);
    expect(JSON.stringify(await entries({}))).not.toContain(wrongPassword);

    expect(await entries({ action: 'login', actorId: user.id })).toEqual([
      expect.objectContaining({
        outcome: 'ok',
        actorType: 'USER',
        targetId: user.id,
        actorLabel: user.email,
      }),
    ]);
  });

  it('has every mutation done, refused or failed, with its changed fields and secrets redacted', async () => {
    await createTag(admin.client, { id: 'TAG-AUDIT' });
    await admin.client.data('mutation { updateTag(input: { id: "TAG-AUDIT", active: false }) { id } }');
    await admin.client.data('mutation { deleteTag(id: "TAG-AUDIT") }');
    const onTag = await entries({ targetId: 'TAG-AUDIT' });
    expect(onTag.map((entry) => [entry.action, entry.targetType, entry.outcome])).toEqual([
      ['deleteTag', 'Tag', 'ok'],
      ['updateTag', 'Tag', 'ok'],
      ['createTag', 'Tag', 'ok'],
    ]);
    expect(JSON.parse(onTag[1].changes!)).toEqual({ input: { id: 'TAG-AUDIT', active: false } });

    const basic = await createUserAndLogin(admin.client, 'BASIC');
    const password = 'N3w!Secret-Passw0rd';
    const input = { email: `audited-${Date.now()}@example.com`, password, role: 'BASIC' };
    const createUser = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
    expect(await basic.client.errorCode(createUser, { input })).toBe('FORBIDDEN');
    const created = await admin.client.data<{ createUser: { id: string } }>(createUser, { input });
    expect(await entries({ action: 'createUser', actorId: basic.id })).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        errorCode: 'FORBIDDEN',
        actorType: 'USER',
        targetType: 'User',
      }),
    ]);
    const [done] = await entries({ action: 'createUser', targetId: created.createUser.id });
    expect(JSON.parse(done.changes!).input).toEqual({ ...input, password: '[REDACTED]' });

    await admin.client.data(
      `mutation { changeConfiguration(chargingStationId: "${STATION}", key: "AuthorizationKey", value: "0123456789abcdef") { status } }`,
    );
    expect(configurations).toEqual([{ key: 'AuthorizationKey', value: '0123456789abcdef' }]);
    const [configuration] = await entries({ action: 'changeConfiguration' });
    expect(JSON.parse(configuration.changes!)).toEqual({
      chargingStationId: STATION,
      key: 'AuthorizationKey',
      value: '[REDACTED]',
    });
    expect(configuration.ocppCalls).toEqual([expect.objectContaining({ action: 'ChangeConfiguration' })]);

    await admin.client.data('mutation { createChargingStation(input: { id: "CS-AUDIT-GONE" }) { id } }');
    expect(
      await admin.client.errorCode('mutation { clearCache(chargingStationId: "CS-AUDIT-GONE") { status } }'),
    ).toBe('STATION_OFFLINE');
    expect(await entries({ action: 'clearCache', targetId: 'CS-AUDIT-GONE' })).toEqual([
      expect.objectContaining({ outcome: 'failed', errorCode: 'STATION_OFFLINE', ocppCalls: [] }),
    ]);
    expect(await admin.client.errorCode('mutation { createTag(input: { id: "" }) { id } }')).toBe(
      'BAD_USER_INPUT',
    );
    expect((await entries({ action: 'createTag', outcome: 'refused' }))[0]).toMatchObject({
      errorCode: 'BAD_USER_INPUT',
    });
  });

  it('has mutations sent over graphql-ws as well', async () => {
    const ws = subscribe<{ createTag: { id: string } }>(
      graphqlWsClient(server.wsUrl, admin.client.bearer),
      'mutation { createTag(input: { id: "TAG-OVER-WS" }) { id } }',
    );
    expect(await ws.next()).toEqual({ createTag: { id: 'TAG-OVER-WS' } });
    await ws.close();
    expect(await entries({ action: 'createTag', targetId: 'TAG-OVER-WS' })).toEqual([
      expect.objectContaining({
        outcome: 'ok',
        actorId: admin.id,
        ip: expect.stringMatching(/127\.0\.0\.1$/),
      }),
    ]);
  });

  it('answers each of many concurrent mutations only once its entry is stored', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `TAG-BURST-${i}`);
    await Promise.all(ids.map((id) => createTag(admin.client, { id })));
    const recorded = await entries({ action: 'createTag', actorId: admin.id });
    expect(ids.filter((id) => !recorded.some((entry) => entry.targetId === id))).toEqual([]);
  });

  it('pages newest first and filters by actor, target, action, outcome and time', async () => {
    const actor = await createUserAndLogin(admin.client, 'ADMIN');
    const before = new Date();
    for (let i = 0; i < 5; i++) await createTag(actor.client, { id: `TAG-PAGE-${i}` });
    const all = await entries({ actorId: actor.id, action: 'createTag' });
    expect(all.map((entry) => entry.targetId)).toEqual([4, 3, 2, 1, 0].map((i) => `TAG-PAGE-${i}`));

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await auditLog({ actorId: actor.id, action: 'createTag', first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(all.map((entry) => entry.id));

    expect((await entries({ actorId: actor.id, targetId: 'TAG-PAGE-3' })).map((e) => e.targetId)).toEqual([
      'TAG-PAGE-3',
    ]);
    expect(await entries({ actorId: actor.id, action: 'deleteTag' })).toEqual([]);
    expect(await entries({ actorId: actor.id, outcome: 'failed' })).toEqual([]);
    expect(await entries({ actorId: actor.id, action: 'createTag', to: before.toISOString() })).toEqual([]);
    expect(await entries({ actorId: actor.id, action: 'createTag', from: all[1].at })).toHaveLength(2);
    expect(await admin.client.errorCode(AUDIT_LOG, { outcome: 'maybe' })).toBe('BAD_USER_INPUT');
  });

  it("shows admins their tenant's log, super admins tenant management, and nobody else anything", async () => {
    const tenant = `audit-${Date.now()}`;
    const tenantAdmin = { email: `boss@${tenant}.example.com`, password: 'T3nant!Passw0rd' };
    await superAdmin.data('mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', {
      input: {
        id: tenant,
        name: 'Audit Co',
        adminEmail: tenantAdmin.email,
        adminPassword: tenantAdmin.password,
      },
    });
    const platform = await entries({}, superAdmin);
    const creation = platform.find((entry) => entry.action === 'createTenant');
    expect(creation).toMatchObject({ targetType: 'Tenant', targetId: tenant, actorRole: 'SUPER_ADMIN' });
    expect(JSON.parse(creation!.changes!).input.adminPassword).toBe('[REDACTED]');
    expect(
      platform.every((entry) => entry.actorRole === 'SUPER_ADMIN' || entry.targetType === 'Tenant'),
    ).toBe(true);
    expect(platform.some((entry) => entry.action === 'createTag')).toBe(false);

    // The tenant's admin sees the tenant's own log only: their login, nothing of tenant `default`.
    const other = await new GraphQLClient(server.httpUrl).login(
      tenantAdmin.email,
      tenantAdmin.password,
      tenant,
    );
    const theirs = await entries({}, other);
    expect(theirs.map((entry) => entry.action)).toEqual(['login']);

    const basic = await createUserAndLogin(admin.client, 'BASIC');
    expect(await basic.client.errorCode(AUDIT_LOG, {})).toBe('FORBIDDEN');
    expect(await new GraphQLClient(server.httpUrl).errorCode(AUDIT_LOG, {})).toBe('UNAUTHENTICATED');
    expect((await entries({ actorId: admin.id }, admin.client)).length).toBeGreaterThan(0);
    expect(ADMIN.email).toBe((await entries({ action: 'createTenant' }, admin.client))[0].actorLabel);
  });

  it('keeps entries for AUDIT_LOG_RETENTION_DAYS, through housekeeping, and streams them for exports', async () => {
    const repository = server.app.get(AuditEntryRepository);
    const tenantId = asTenantId('default');
    const aged = (days: number, id: string) => ({
      _id: newId(),
      tenantId,
      at: new Date(Date.now() - days * DAY_MS),
      action: 'ageing',
      outcome: AuditOutcome.OK,
      targetType: 'Tag',
      targetId: id,
    });
    await repository.append([aged(400, 'TAG-OLD'), aged(300, 'TAG-KEPT')]);

    const run = await server.app.get(HousekeepingService).runOnce('log-retention');
    expect(run).toMatchObject({ ran: true, counts: { auditLog: 1 } });
    expect((await entries({ action: 'ageing' })).map((entry) => entry.targetId)).toEqual(['TAG-KEPT']);

    const streamed: string[] = [];
    for await (const entry of repository.stream(tenantId, {}, { actorId: admin.id })) streamed.push(entry.id);
    expect(streamed).toEqual((await entries({ actorId: admin.id })).map((entry) => entry.id));
  });

  it('exports the log as CSV, filtered, as the caller may list it, with secrets still redacted', async () => {
    const actor = await createUserAndLogin(admin.client, 'ADMIN');
    for (let i = 0; i < 3; i++) await createTag(actor.client, { id: `TAG-CSV-${i}` });
    await createUserAndLogin(actor.client, 'BASIC');
    const shown = await entries({ actorId: actor.id });

    const { exportAuditLog: job } = await admin.client.data<{ exportAuditLog: { downloadUrl: string } }>(
      'mutation($filter: AuditLogExportFilter) { exportAuditLog(filter: $filter) { downloadUrl } }',
      { filter: { actorId: actor.id } },
    );
    const response = await fetch(`${server.httpUrl}${job.downloadUrl}`);
    expect(response.status).toBe(200);
    const { header, records } = parseCsv(await response.text());
    expect(header).toEqual(
      expect.arrayContaining(['at', 'actorid', 'action', 'targetid', 'outcome', 'changes']),
    );
    expect(records.map((record) => record.values.action)).toEqual(shown.map((entry) => entry.action));
    expect(records.map((record) => record.values.targetid)).toEqual(
      shown.map((entry) => entry.targetId ?? ''),
    );
    const userCreation = records.find((record) => record.values.action === 'createUser');
    expect(JSON.parse(userCreation!.values.changes).input.password).toBe('[REDACTED]');

    const basic = await createUserAndLogin(admin.client, 'BASIC');
    expect(await basic.client.errorCode('mutation { exportAuditLog { id } }')).toBe('FORBIDDEN');
    expect(
      await admin.client.errorCode('mutation { exportAuditLog(filter: { outcome: "maybe" }) { id } }'),
    ).toBe('BAD_USER_INPUT');
  });
});
