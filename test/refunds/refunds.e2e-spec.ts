import { asTenantId } from '@csms/common';
import { JobQueue } from '@csms/database';
import { REFUND_STATUS_QUEUE } from '@csms/refunds/reports/refund-report.flow';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { RPCClient } from 'ocpp-rpc';
import { createCompany, createSiteArea, createStationIn } from '../organizations/support/organizations';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { TestApp, startTestApp } from '../support/test-app';
import { TestUser, createTag, createUserAndLogin, eventually } from '../support/users';
import { FakeConcur } from './support/fake-concur';

interface ReportView {
  id: string;
  name: string;
  status: string;
  concurReportId: string | null;
  reason: string | null;
  entries: { transactionId: string; amount: number; currency: string; date: string; city: string | null }[];
}

const REPORT_FIELDS =
  'id name status concurReportId reason entries { transactionId amount currency date city }';
const REFUND = `mutation($ids: [ID!]!) { refundSessions(transactionIds: $ids) { ${REPORT_FIELDS} } }`;
const REPORT = `query($id: ID!) { refundReport(id: $id) { ${REPORT_FIELDS} } }`;
const SESSION_REFUND = 'query($id: ID!) { transaction(id: $id) { id refund { status reportId } } }';
const UPDATE_SETTINGS =
  'mutation($input: RefundSettingsInput!) { updateRefundSettings(input: $input) { enabled clientId clientSecretSet clientSecretLast4 expenseTypeCode } }';

/** 0.30 EUR/kWh excluding VAT, 20 % VAT: 0.36 EUR/kWh paid. */
const TARIFF = {
  name: 'Workplace',
  currency: 'EUR',
  elements: [{ priceComponents: [{ type: 'ENERGY', price: 0.3, vat: 20, stepSize: 1 }] }],
};

describe('refunds through SAP Concur (against a Concur-shaped server)', () => {
  let server: TestApp;
  let concur: FakeConcur;
  let admin: GraphQLClient;
  let driver: TestUser;
  let colleague: TestUser;
  let station: RPCClient;
  let meter = 0;

  /** One stopped session of `tag`, `kWh` delivered between `start` and `stop`; resolves with its id. */
  async function charge(tag: string, start: string, stop: string, kWh: number): Promise<string> {
    const meterStart = meter;
    meter += kWh * 1000;
    const { transactionId } = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag: tag,
      meterStart,
      timestamp: start,
    })) as { transactionId: number };
    await station.call('StopTransaction', { transactionId, meterStop: meter, timestamp: stop });
    const { transactions } = await admin.data<{
      transactions: { edges: { node: { id: string; ocppTransactionId: string } }[] };
    }>(
      '{ transactions(filter: { chargingStationId: "REFUND-CS" }, first: 100) { edges { node { id ocppTransactionId } } } }',
    );
    return transactions.edges.find((edge) => edge.node.ocppTransactionId === String(transactionId))!.node.id;
  }

  const report = async (client: GraphQLClient, id: string): Promise<ReportView> =>
    (await client.data<{ refundReport: ReportView }>(REPORT, { id })).refundReport;

  const reportReaching = (client: GraphQLClient, id: string, status: string): Promise<ReportView> =>
    eventually(
      () => report(client, id),
      (view) => view.status === status,
    );

  const sessionRefund = async (
    client: GraphQLClient,
    id: string,
  ): Promise<{ status: string; reportId: string } | null> =>
    (
      await client.data<{ transaction: { refund: { status: string; reportId: string } | null } }>(
        SESSION_REFUND,
        { id },
      )
    ).transaction.refund;

  /** The browser's part of the authorization-code flow: Concur's consent page, then our callback. */
  async function connect(client: GraphQLClient): Promise<Response> {
    const { connectConcur } = await client.data<{ connectConcur: { url: string } }>(
      'mutation { connectConcur { url expiresAt } }',
    );
    const consent = await fetch(connectConcur.url, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    return fetch(consent.headers.get('location')!);
  }

  /** Connects while Concur's token answer names an API address on the CSMS's own network (127.0.0.2). */
  async function connectNamingOurNetwork(client: GraphQLClient): Promise<void> {
    concur.geolocation = concur.baseUrl.replace('127.0.0.1', '127.0.0.2');
    try {
      expect((await connect(client)).status).toBe(200);
    } finally {
      concur.geolocation = undefined;
    }
  }

  beforeAll(async () => {
    concur = new FakeConcur();
    await concur.start();
    server = await startTestApp('refunds', {
      REFUNDS_STATUS_POLL_MS: '300',
      REFUNDS_RETRY_BASE_MS: '200',
      // Only the fake's address: the rest of loopback stands for the CSMS's own network.
      OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32',
    });
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    driver = await createUserAndLogin(superAdmin, 'BASIC');
    colleague = await createUserAndLogin(superAdmin, 'BASIC');
    await createTag(admin, { id: 'REFUND-DRIVER', userId: driver.id });
    await createTag(admin, { id: 'REFUND-COLLEAGUE', userId: colleague.id });

    const companyId = await createCompany(admin, 'Refunds Co');
    const { createSite } = await admin.data<{ createSite: { id: string } }>(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      {
        input: {
          companyId,
          name: 'Lyon office',
          timeZone: 'Europe/Paris',
          address: { city: 'Lyon', country: 'FR' },
        },
      },
    );
    const areaId = await createSiteArea(admin, createSite.id, 'Car park');
    await createStationIn(admin, 'REFUND-CS', areaId);
    const { createTariff } = await admin.data<{ createTariff: { id: string } }>(
      'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
      { input: TARIFF },
    );
    await admin.data('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id } }', {
      input: { tariffId: createTariff.id, level: 'SITE', entityId: createSite.id },
    });
    station = await connectStation(server.wsUrl, 'REFUND-CS');
    await station.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Refund' });
  });

  afterAll(async () => {
    await station?.close({ force: true });
    await server?.close();
    await concur?.stop();
  });

  it('refuses bad settings and refunds before they are complete, and keeps settings to admins', async () => {
    expect(
      await driver.client.errorCode(UPDATE_SETTINGS, { input: { enabled: false, expenseTypeCode: 'EVCHG' } }),
    ).toBe('FORBIDDEN');
    expect(await admin.errorCode(UPDATE_SETTINGS, { input: { enabled: true } })).toBe('BAD_USER_INPUT');
    expect(
      await admin.errorCode(UPDATE_SETTINGS, {
        input: { enabled: false, authenticationUrl: 'ftp://concur' },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await admin.errorCode(UPDATE_SETTINGS, { input: { enabled: false, expenseTypeCode: 'no spaces!' } }),
    ).toBe('BAD_USER_INPUT');
    expect(await driver.client.errorCode('mutation { connectConcur { url } }')).toBe('BAD_USER_INPUT');
    expect(await driver.client.errorCode(REFUND, { ids: ['anything'] })).toBe('BAD_USER_INPUT');

    const { updateRefundSettings } = await admin.data<{ updateRefundSettings: Record<string, unknown> }>(
      UPDATE_SETTINGS,
      {
        input: {
          enabled: true,
          clientId: concur.clientId,
          clientSecret: concur.clientSecret,
          authenticationUrl: concur.baseUrl,
          apiUrl: concur.baseUrl,
          expenseTypeCode: 'EVCHG',
          paymentTypeId: 'gWuT$pCASH',
          policyId: 'gWpol$EV',
          reportName: 'Charging {month}',
        },
      },
    );
    expect(updateRefundSettings).toEqual({
      enabled: true,
      clientId: concur.clientId,
      clientSecretSet: true,
      clientSecretLast4: '1234',
      expenseTypeCode: 'EVCHG',
    });
    // The client id and secret are stored sealed, never in clear.
    const stored = await server.app
      .get<Connection>(getConnectionToken())
      .collection('refund_settings')
      .findOne({});
    expect(stored).toBeTruthy();
    expect(JSON.stringify(stored)).not.toContain(concur.clientSecret);
    expect(JSON.stringify(stored)).not.toContain(concur.clientId);
  });

  it('connects a driver’s Concur account through the authorization-code flow, once per state', async () => {
    const { connectConcur } = await driver.client.data<{ connectConcur: { url: string } }>(
      'mutation { connectConcur { url } }',
    );
    const authorize = new URL(connectConcur.url);
    expect(authorize.origin + authorize.pathname).toBe(`${concur.baseUrl}/oauth2/v0/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(concur.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${server.httpUrl}/connections/oauth2/callback`);
    const consent = await fetch(connectConcur.url, { redirect: 'manual' });
    const callback = consent.headers.get('location')!;
    const done = await fetch(callback);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('concur account is connected');
    // The state was used: a replayed callback changes nothing.
    expect((await fetch(callback)).status).toBe(400);
    expect((await fetch(`${server.httpUrl}/connections/oauth2/callback?state=forged&code=x`)).status).toBe(
      400,
    );
    // The user declined at Concur: nothing is connected, and that state is spent.
    const declined = new URL(
      (await driver.client.data<{ connectConcur: { url: string } }>('mutation { connectConcur { url } }'))
        .connectConcur.url,
    ).searchParams.get('state')!;
    const refusal = `${server.httpUrl}/connections/oauth2/callback?state=${declined}`;
    expect((await fetch(`${refusal}&error=access_denied`)).status).toBe(400);
    expect((await fetch(`${refusal}&code=late`)).status).toBe(400);
    expect(concur.grants).toEqual(['authorization_code']);

    const { concurConnection } = await driver.client.data<{
      concurConnection: { kind: string; usable: boolean; accessTokenExpiresAt: string };
    }>('{ concurConnection { kind usable accessTokenExpiresAt } }');
    expect(concurConnection).toMatchObject({ kind: 'concur', usable: true });
    expect(new Date(concurConnection.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now() + 3_000_000);
  });

  it('refunds a month of sessions into Concur and sees them approved', async () => {
    const month = [
      await charge('REFUND-DRIVER', '2026-11-02T07:00:00Z', '2026-11-02T09:00:00Z', 10),
      await charge('REFUND-DRIVER', '2026-11-09T07:00:00Z', '2026-11-09T08:00:00Z', 5),
      await charge('REFUND-DRIVER', '2026-11-16T07:00:00Z', '2026-11-16T09:30:00Z', 12.5),
      // 23:30 UTC on the 30th is December 1st in Lyon.
      await charge('REFUND-DRIVER', '2026-11-30T22:00:00Z', '2026-11-30T23:30:00Z', 20),
    ];
    const { refundSessions } = await driver.client.data<{ refundSessions: ReportView }>(REFUND, {
      ids: month,
    });
    expect(refundSessions.status).toBe('PENDING');
    expect(refundSessions.name).toBe('Charging 2026-11');
    expect(refundSessions.entries).toEqual([
      { transactionId: month[0], amount: 3.6, currency: 'EUR', date: '2026-11-02', city: 'Lyon' },
      { transactionId: month[1], amount: 1.8, currency: 'EUR', date: '2026-11-09', city: 'Lyon' },
      { transactionId: month[2], amount: 4.5, currency: 'EUR', date: '2026-11-16', city: 'Lyon' },
      { transactionId: month[3], amount: 7.2, currency: 'EUR', date: '2026-12-01', city: 'Lyon' },
    ]);

    const submitted = await reportReaching(driver.client, refundSessions.id, 'SUBMITTED');
    const inConcur = concur.reports.get(submitted.concurReportId!)!;
    expect(inConcur).toMatchObject({
      Name: 'Charging 2026-11',
      PolicyID: 'gWpol$EV',
      OwnerLoginID: concur.login,
    });
    expect(inConcur.entries.map((entry) => [entry.TransactionAmount, entry.TransactionDate])).toEqual([
      [3.6, '2026-11-02'],
      [1.8, '2026-11-09'],
      [4.5, '2026-11-16'],
      [7.2, '2026-12-01'],
    ]);
    expect(inConcur.entries[0]).toMatchObject({
      ExpenseTypeCode: 'EVCHG',
      PaymentTypeID: 'gWuT$pCASH',
      TransactionCurrencyCode: 'EUR',
      LocationID: 'gWnA$pZ7Lyon',
    });
    expect(await sessionRefund(driver.client, month[0])).toEqual({
      status: 'SUBMITTED',
      reportId: submitted.id,
    });

    expect(await concur.workflow(inConcur.ID, 'submit')).toBe(204);
    expect(await concur.workflow(inConcur.ID, 'approve')).toBe(204);
    await reportReaching(driver.client, refundSessions.id, 'APPROVED');
    for (const id of month) {
      expect(await sessionRefund(driver.client, id)).toEqual({ status: 'APPROVED', reportId: submitted.id });
    }
    // The admin sees the same on the session.
    expect(await sessionRefund(admin, month[3])).toEqual({ status: 'APPROVED', reportId: submitted.id });

    // Never twice.
    expect(await driver.client.errorCode(REFUND, { ids: [month[1]] })).toBe('BAD_USER_INPUT');
    expect(concur.reportsOf(concur.login)).toHaveLength(1);
  });

  it('refuses another user’s session, sessions in progress and bad lists', async () => {
    const others = await charge('REFUND-COLLEAGUE', '2026-11-03T07:00:00Z', '2026-11-03T08:00:00Z', 4);
    const mine = await charge('REFUND-DRIVER', '2026-11-04T07:00:00Z', '2026-11-04T08:00:00Z', 4);
    expect(await driver.client.errorCode(REFUND, { ids: [mine, others] })).toBe('NOT_FOUND');
    // Admins read every session, but claim only their own.
    expect(await admin.errorCode(REFUND, { ids: [mine] })).toBe('FORBIDDEN');
    // The colleague has not connected Concur.
    expect(await colleague.client.errorCode(REFUND, { ids: [others] })).toBe('BAD_USER_INPUT');
    expect(await driver.client.errorCode(REFUND, { ids: [] })).toBe('BAD_USER_INPUT');
    expect(await driver.client.errorCode(REFUND, { ids: [mine, mine] })).toBe('BAD_USER_INPUT');
    expect(
      await driver.client.errorCode(REFUND, { ids: Array.from({ length: 101 }, (_, i) => `t${i}`) }),
    ).toBe('BAD_USER_INPUT');
    const { transactionId } = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag: 'REFUND-DRIVER',
      meterStart: meter,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number };
    const { transactions } = await driver.client.data<{
      transactions: { edges: { node: { id: string } }[] };
    }>('{ transactions(filter: { active: true }) { edges { node { id } } } }');
    expect(await driver.client.errorCode(REFUND, { ids: [transactions.edges[0].node.id] })).toBe(
      'BAD_USER_INPUT',
    );
    await station.call('StopTransaction', {
      transactionId,
      meterStop: meter,
      timestamp: new Date().toISOString(),
    });
    // Nothing was claimed by the refused requests.
    expect(await sessionRefund(driver.client, mine)).toBeNull();
  });

  it('lets only one of two simultaneous refunds of a session through', async () => {
    const session = await charge('REFUND-DRIVER', '2026-11-05T07:00:00Z', '2026-11-05T08:00:00Z', 3);
    const results = await Promise.all([
      driver.client.request(REFUND, { ids: [session] }),
      driver.client.request(REFUND, { ids: [session] }),
    ]);
    const won = results.filter((result) => result.data);
    const lost = results.filter((result) => result.errors);
    expect(won).toHaveLength(1);
    expect(lost.map((result) => result.errors![0].extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const winner = (won[0].data as { refundSessions: ReportView }).refundSessions;
    await reportReaching(driver.client, winner.id, 'SUBMITTED');
    expect(await sessionRefund(driver.client, session)).toEqual({ status: 'SUBMITTED', reportId: winner.id });
  });

  it('refreshes a rejected access token with the refresh token, and carries on', async () => {
    const session = await charge('REFUND-DRIVER', '2026-11-06T07:00:00Z', '2026-11-06T08:00:00Z', 6);
    const before = concur.grants.filter((grant) => grant === 'refresh_token').length;
    concur.revokeAccessTokens();
    const { refundSessions } = await driver.client.data<{ refundSessions: ReportView }>(REFUND, {
      ids: [session],
    });
    const submitted = await reportReaching(driver.client, refundSessions.id, 'SUBMITTED');
    expect(concur.grants.filter((grant) => grant === 'refresh_token').length).toBeGreaterThan(before);
    expect(concur.reports.get(submitted.concurReportId!)!.entries).toHaveLength(1);

    // An access token about to expire is refreshed before use, not after a 401.
    concur.accessTokenSeconds = 30;
    await connect(driver.client);
    const next = await charge('REFUND-DRIVER', '2026-11-07T07:00:00Z', '2026-11-07T08:00:00Z', 6);
    const rejectedBefore = concur.rejectedTokens;
    const { refundSessions: second } = await driver.client.data<{ refundSessions: ReportView }>(REFUND, {
      ids: [next],
    });
    await reportReaching(driver.client, second.id, 'SUBMITTED');
    expect(concur.grants.filter((grant) => grant === 'refresh_token').length).toBeGreaterThanOrEqual(
      before + 2,
    );
    expect(concur.rejectedTokens).toBe(rejectedBefore);
    concur.accessTokenSeconds = 3600;
  });

  it('marks the sessions rejected when the approver sends the report back, and lets them be refunded again', async () => {
    const session = await charge('REFUND-DRIVER', '2026-11-10T07:00:00Z', '2026-11-10T08:00:00Z', 8);
    const { refundSessions } = await driver.client.data<{ refundSessions: ReportView }>(REFUND, {
      ids: [session],
    });
    const submitted = await reportReaching(driver.client, refundSessions.id, 'SUBMITTED');
    expect(await concur.workflow(submitted.concurReportId!, 'submit')).toBe(204);
    expect(await concur.workflow(submitted.concurReportId!, 'sendBack')).toBe(204);
    const rejected = await reportReaching(driver.client, refundSessions.id, 'REJECTED');
    expect(rejected.reason).toContain('Sent back');
    expect(await sessionRefund(driver.client, session)).toEqual({
      status: 'REJECTED',
      reportId: refundSessions.id,
    });

    const { refundSessions: again } = await driver.client.data<{ refundSessions: ReportView }>(REFUND, {
      ids: [session],
    });
    expect(again.id).not.toBe(refundSessions.id);
    await reportReaching(driver.client, again.id, 'SUBMITTED');
    expect(await sessionRefund(driver.client, session)).toEqual({ status: 'SUBMITTED', reportId: again.id });
  });

  it('marks the sessions cancelled when the report is deleted in Concur', async () => {
    const session = await charge('REFUND-DRIVER', '2026-11-12T07:00:00Z', '2026-11-12T08:00:00Z', 1);
    const { refundSessions } = await driver.client.data<{ refundSessions: ReportView }>(REFUND, {
      ids: [session],
    });
    const submitted = await reportReaching(driver.client, refundSessions.id, 'SUBMITTED');
    expect(concur.deleteReport(submitted.concurReportId!)).toBe(true);
    await reportReaching(driver.client, refundSessions.id, 'CANCELLED');
    expect(await sessionRefund(driver.client, session)).toEqual({
      status: 'CANCELLED',
      reportId: refundSessions.id,
    });
  });

  it('keeps a report while Concur is down and sends it, once, when Concur is back', async () => {
    const sessions = [
      await charge('REFUND-DRIVER', '2026-11-20T07:00:00Z', '2026-11-20T08:00:00Z', 2),
      await charge('REFUND-DRIVER', '2026-11-21T07:00:00Z', '2026-11-21T08:00:00Z', 3),
    ];
    const reportsBefore = concur.reports.size;
    concur.down = true;
    const { refundSessions } = await driver.client.data<{ refundSessions: ReportView }>(REFUND, {
      ids: sessions,
    });
    await eventually(
      async () => concur.apiFailures.length,
      (failures) => failures >= 2,
    );
    expect((await report(driver.client, refundSessions.id)).status).toBe('PENDING');
    expect(await sessionRefund(driver.client, sessions[0])).toEqual({
      status: 'PENDING',
      reportId: refundSessions.id,
    });
    concur.down = false;
    const submitted = await reportReaching(driver.client, refundSessions.id, 'SUBMITTED');
    expect(concur.reports.size).toBe(reportsBefore + 1);
    expect(
      concur.reports.get(submitted.concurReportId!)!.entries.map((entry) => entry.TransactionAmount),
    ).toEqual([0.72, 1.08]);
  });

  it('fails a report at once, sending nothing, when Concur’s token names an API address on our own network', async () => {
    const employee = await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'BASIC');
    await createTag(admin, { id: 'REFUND-GUARDED', userId: employee.id });
    const session = await charge('REFUND-GUARDED', '2026-11-05T07:00:00Z', '2026-11-05T08:00:00Z', 1);
    const login = concur.login;
    concur.login = 'guarded@corp.example';
    try {
      await connectNamingOurNetwork(employee.client);
    } finally {
      concur.login = login;
    }
    const { refundSessions } = await employee.client.data<{ refundSessions: ReportView }>(REFUND, {
      ids: [session],
    });

    const failed = await reportReaching(employee.client, refundSessions.id, 'FAILED');
    expect(failed.reason).toMatch(/^Outbound call to 127\.0\.0\.2 refused: not a public address/);
    expect(concur.reportsOf('guarded@corp.example')).toEqual([]);
  });

  it('keeps checking a submitted report while Concur’s address is refused, and reads its status once it is not', async () => {
    const session = await charge('REFUND-DRIVER', '2026-11-14T07:00:00Z', '2026-11-14T08:00:00Z', 1);
    const { refundSessions } = await driver.client.data<{ refundSessions: ReportView }>(REFUND, {
      ids: [session],
    });
    const submitted = await reportReaching(driver.client, refundSessions.id, 'SUBMITTED');
    const statusCheck = async () =>
      (await server.app.get(JobQueue).list(asTenantId('default'), REFUND_STATUS_QUEUE)).find(
        (job) => (job.payload as { reportId: string }).reportId === refundSessions.id,
      )!;
    await connectNamingOurNetwork(driver.client);
    const before = await statusCheck();
    await eventually(statusCheck, (job) => job.runAt.getTime() > before.runAt.getTime() + 300);
    const checked = await statusCheck();
    expect(checked.attempts).toBe(0);
    expect(checked.lastError ?? '').not.toMatch(/refused/);

    expect(await concur.workflow(submitted.concurReportId!, 'submit')).toBe(204);
    expect(await concur.workflow(submitted.concurReportId!, 'approve')).toBe(204);
    expect((await connect(driver.client)).status).toBe(200);
    await reportReaching(driver.client, refundSessions.id, 'APPROVED');
  });

  it('lists the driver’s reports and forgets the connection on disconnect', async () => {
    const { refundReports } = await driver.client.data<{
      refundReports: { totalCount: number; edges: { node: { status: string } }[] };
    }>('{ refundReports(first: 50) { totalCount edges { node { status } } } }');
    expect(refundReports.totalCount).toBeGreaterThanOrEqual(6);
    expect(refundReports.edges.map((edge) => edge.node.status)).toContain('APPROVED');
    expect(await colleague.client.errorCode(`{ refundReports(userId: "${driver.id}") { totalCount } }`)).toBe(
      'FORBIDDEN',
    );
    const { disconnectConcur } = await driver.client.data<{ disconnectConcur: boolean }>(
      'mutation { disconnectConcur }',
    );
    expect(disconnectConcur).toBe(true);
    expect(
      (await driver.client.data<{ concurConnection: null }>('{ concurConnection { kind } }'))
        .concurConnection,
    ).toBeNull();
  });
});
