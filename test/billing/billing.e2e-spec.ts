import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import Stripe from 'stripe';
import { JobRunner } from '@csms/database';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { CARDS, Localstripe } from '../support/localstripe';
import { Mailpit } from '../support/mailpit';
import { connectStation } from '../support/ocpp-station';
import { PythonStation } from '../support/python-station';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { TestApp, startTestApp } from '../support/test-app';
import { SessionBillingListener } from '../../libs/billing/src/sessions/session-billing.listener';
import { TestUser, createTag, createUserAndLogin, eventually } from '../support/users';
import { applyTenantTariff } from './support/billing-session';

/** A test key: localstripe takes any; the server only checks its form (and refuses live keys here). */
const SECRET_KEY = 'sk_test_voltgridBilling0123456789';
const PUBLIC_KEY = 'pk_test_publishable0123456789';
const STATION = 'CS-BILLING-16';
const WEBHOOK_SECRET = 'whsec_voltgridWebhookSecret01';

/** Energy 0.40 EUR/kWh with 20 % VAT, 2 EUR an hour of charging without VAT, a 1 EUR session fee with 20 % VAT. */
const TARIFF = {
  name: 'Billing tariff',
  currency: 'EUR',
  elements: [
    {
      priceComponents: [
        { type: 'ENERGY', price: 0.4, vat: 20, stepSize: 1 },
        { type: 'TIME', price: 2, stepSize: 1 },
        { type: 'FLAT', price: 1, vat: 20, stepSize: 1 },
      ],
    },
  ],
};

const SETTINGS = 'mutation($input: BillingSettingsInput!) { updateBillingSettings(input: $input) }';
const SETUP =
  'mutation($userId: ID) { billingSetupPaymentMethod(userId: $userId) { clientSecret setupIntentId publicKey } }';
const ATTACH =
  'mutation($id: ID!, $userId: ID) { billingAttachPaymentMethod(paymentMethodId: $id, userId: $userId) { id brand last4 expMonth expYear isDefault } }';
const METHODS = 'query($userId: ID) { billingPaymentMethods(userId: $userId) { id last4 isDefault } }';
const DELETE =
  'mutation($id: ID!, $userId: ID) { billingDeletePaymentMethod(paymentMethodId: $id, userId: $userId) }';
const BILLING_OF = `query($id: ID!) { transaction(id: $id) { id billing { status reason invoiceId invoiceNumber } } }`;
const INVOICE = `query($id: ID!) { invoice(id: $id) {
  id status amount currency downloadUrl userId transactionIds paymentAttempts lastPaymentError
  lines { description amount dimension transactionId } } }`;

interface Billing {
  status: string;
  reason: string | null;
  invoiceId: string | null;
}

describe('billing with Stripe (against localstripe)', () => {
  let stripe: Localstripe;
  let mailpit: Mailpit;
  let server: TestApp;
  let admin: GraphQLClient;
  let station: PythonStation;
  let database: Connection;

  /** Adds a card the way a frontend does: SetupIntent, Stripe.js collects it, then attach. */
  const addCard = async (
    user: TestUser,
    number: string,
  ): Promise<{ id: string; isDefault: boolean; last4: string }> => {
    await user.client.data(SETUP);
    const paymentMethodId = await stripe.collectCard(SECRET_KEY, number);
    const { billingAttachPaymentMethod } = await user.client.data<{
      billingAttachPaymentMethod: { id: string; isDefault: boolean; last4: string };
    }>(ATTACH, { id: paymentMethodId });
    return billingAttachPaymentMethod;
  };

  const driverWithTag = async (tag: string): Promise<TestUser> => {
    const superAdmin = await loginAsAdmin(server.httpUrl);
    const driver = await createUserAndLogin(superAdmin, 'BASIC');
    await createTag(admin, { id: tag, userId: driver.id });
    return driver;
  };

  /** Runs a whole session at the Python station; resolves with the server's transaction id. */
  const chargeSession = async (
    tag: string,
    minutes: number,
    energyWh: number,
    daysAgo = 0,
  ): Promise<{ status: string; transactionId: string }> => {
    station.send(`session ${tag} ${minutes} ${energyWh} ${daysAgo}`);
    const started = await station.next();
    expect(started.event).toBe('started');
    if (started.status !== 'Accepted') return { status: started.status ?? '', transactionId: '' };
    expect((await station.next()).event).toBe('stopped');
    const { transactions } = await admin.data<{
      transactions: { edges: { node: { id: string; ocppTransactionId: string } }[] };
    }>(
      'query($id: ID) { transactions(filter: { chargingStationId: $id }, first: 50) { edges { node { id ocppTransactionId } } } }',
      { id: STATION },
    );
    const found = transactions.edges.find(
      (edge) => edge.node.ocppTransactionId === String(started.transactionId),
    );
    return { status: started.status, transactionId: found!.node.id };
  };

  const billingOf = async (
    transactionId: string,
    until: (billing: Billing | null) => boolean,
  ): Promise<Billing> =>
    (await eventually(
      async () =>
        (await admin.data<{ transaction: { billing: Billing | null } }>(BILLING_OF, { id: transactionId }))
          .transaction.billing,
      until,
      60_000,
    ))!;

  beforeAll(async () => {
    [stripe, mailpit] = await Promise.all([Localstripe.start(), Mailpit.start()]);
    server = await startTestApp('billing', {
      BILLING_STRIPE_API_URL: stripe.url,
      BILLING_STRIPE_MAX_NETWORK_RETRIES: '0',
      SMTP_URL: mailpit.smtpUrl,
      JOBS_POLL_MS: '200',
      // Unpaid invoices are charged again at the next run as soon as a second has passed.
      BILLING_PAYMENT_RETRY_HOURS: '0.0003',
      // Sessions without a billing record are reconciled at the next run, however recent.
      BILLING_RECONCILE_GRACE_SECONDS: '0',
    });
    database = server.app.get<Connection>(getConnectionToken());
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    await applyTenantTariff(admin, TARIFF);
    station = PythonStation.spawn('ocpp16_billing_station.py', [`${server.wsUrl}/ocpp/default`, STATION]);
    expect((await station.next(60_000)).event).toBe('booted');
  });

  afterAll(async () => {
    station?.send('quit');
    station?.kill();
    await server?.close();
    await Promise.all([stripe?.stop(), mailpit?.stop()]);
  });

  describe('settings', () => {
    it('are the admins’: a driver may neither read nor change them', async () => {
      const driver = await driverWithTag('TAG-SETTINGS-DRIVER');
      expect(await driver.client.errorCode('{ billingSettings { enabled } }')).toBe('FORBIDDEN');
      expect(await driver.client.errorCode(SETTINGS, { input: { enabled: false } })).toBe('FORBIDDEN');
    });

    it('refuse live keys outside production, keys of another form, another currency than pricing’s, and enabling without a tax rate', async () => {
      const refused = [
        { enabled: false, secretKey: 'sk_live_voltgridBilling0123456789' },
        { enabled: false, publicKey: 'pk_live_voltgridBilling0123456789' },
        { enabled: false, secretKey: 'not-a-stripe-key' },
        { enabled: false, currency: 'USD' },
        { enabled: true, secretKey: SECRET_KEY },
        { enabled: false, taxRatePercent: 120 },
      ];
      for (const input of refused) expect(await admin.errorCode(SETTINGS, { input })).toBe('BAD_USER_INPUT');
      const { billingSettings } = await admin.data<{
        billingSettings: { enabled: boolean; secretKeySet: boolean };
      }>('{ billingSettings { enabled secretKeySet } }');
      expect(billingSettings).toEqual({ enabled: false, secretKeySet: false });
    });

    it('keep the secret key encrypted at rest and never return it, only that it is set and its last 4 characters', async () => {
      await admin.data(SETTINGS, {
        input: {
          enabled: true,
          secretKey: SECRET_KEY,
          publicKey: PUBLIC_KEY,
          taxRatePercent: 8.5,
          immediateBilling: true,
        },
      });
      const { billingSettings } = await admin.data<{ billingSettings: Record<string, unknown> }>(
        '{ billingSettings { enabled secretKeySet secretKeyLast4 publicKey taxRatePercent currency immediateBilling webhookPath freeSessionMaxSeconds freeSessionMaxWh } }',
      );
      expect(billingSettings).toEqual({
        enabled: true,
        secretKeySet: true,
        secretKeyLast4: '6789',
        publicKey: PUBLIC_KEY,
        taxRatePercent: 8.5,
        currency: 'EUR',
        immediateBilling: true,
        webhookPath: '/billing/stripe/webhook/default',
        freeSessionMaxSeconds: 120,
        freeSessionMaxWh: 500,
      });
      const stored = await database.collection('billing_settings').findOne({ tenantId: 'default' });
      expect(JSON.stringify(stored)).not.toContain(SECRET_KEY);
      expect(JSON.stringify(stored)).not.toContain('voltgridBilling');
      expect(stored?.secretKeySealed).toMatch(/^v1:/);
      // The audit log of the change names the fields, never the secret.
      const audited = await eventually(
        async () =>
          (
            await admin.data<{ auditLog: { edges: { node: { changes: string | null } }[] } }>(
              '{ auditLog(action: "updateBillingSettings") { edges { node { changes } } } }',
            )
          ).auditLog.edges.map((edge) => edge.node.changes ?? ''),
        (changes) => changes.some((text) => text.includes('publicKey')),
      );
      for (const changes of audited) expect(changes).not.toContain(SECRET_KEY);
    });
  });

  describe('customers and cards', () => {
    it('creates the Stripe customer only when first needed, then hands out a SetupIntent client secret', async () => {
      const driver = await driverWithTag('TAG-LAZY');
      const customersOf = async () =>
        (await stripe.client(SECRET_KEY).customers.list({ email: driver.email, limit: 10 })).data;
      expect(await customersOf()).toHaveLength(0);
      expect(
        (await driver.client.data<{ billingPaymentMethods: unknown[] }>(METHODS)).billingPaymentMethods,
      ).toEqual([]);
      expect(await customersOf()).toHaveLength(0);

      const { billingSetupPaymentMethod } = await driver.client.data<{
        billingSetupPaymentMethod: { clientSecret: string; setupIntentId: string; publicKey: string };
      }>(SETUP);
      expect(billingSetupPaymentMethod.clientSecret).toMatch(/^seti_\w+_secret_\w+$/);
      expect(billingSetupPaymentMethod.publicKey).toBe(PUBLIC_KEY);
      const customers = await customersOf();
      expect(customers).toHaveLength(1);
      expect(customers[0].metadata).toMatchObject({ tenantId: 'default', userId: driver.id });
      const intent = await stripe
        .client(SECRET_KEY)
        .setupIntents.retrieve(billingSetupPaymentMethod.setupIntentId);
      expect(intent.customer).toBe(customers[0].id);

      // A second SetupIntent reuses the customer.
      await driver.client.data(SETUP);
      expect(await customersOf()).toHaveLength(1);
    });

    it('attaches a card as the default, lists and detaches cards; the next card becomes the default', async () => {
      const driver = await driverWithTag('TAG-CARDS');
      const first = await addCard(driver, CARDS.visa);
      expect(first).toMatchObject({ last4: '4242', isDefault: true });
      const second = await addCard(driver, CARDS.chargeFails);
      expect(second).toMatchObject({ last4: '0341', isDefault: true });
      const listed = (
        await driver.client.data<{ billingPaymentMethods: { id: string; isDefault: boolean }[] }>(METHODS)
      ).billingPaymentMethods;
      expect(listed.map((method) => [method.id, method.isDefault]).sort()).toEqual(
        [
          [first.id, false],
          [second.id, true],
        ].sort(),
      );
      expect(await driver.client.data(DELETE, { id: second.id })).toEqual({
        billingDeletePaymentMethod: true,
      });
      const after = (
        await driver.client.data<{ billingPaymentMethods: { id: string; isDefault: boolean }[] }>(METHODS)
      ).billingPaymentMethods;
      expect(after).toEqual([{ id: first.id, last4: '4242', isDefault: true }]);
      // A card that is not theirs: not found.
      expect(await driver.client.errorCode(DELETE, { id: second.id })).toBe('NOT_FOUND');
    });

    it('lets drivers manage only their own cards, admins anyone’s', async () => {
      const driver = await driverWithTag('TAG-OWN');
      const other = await driverWithTag('TAG-OTHER');
      expect(await driver.client.errorCode(METHODS, { userId: other.id })).toBe('FORBIDDEN');
      expect(await driver.client.errorCode(SETUP, { userId: other.id })).toBe('FORBIDDEN');
      const paymentMethodId = await stripe.collectCard(SECRET_KEY, CARDS.visa);
      const { billingAttachPaymentMethod } = await admin.data<{
        billingAttachPaymentMethod: { isDefault: boolean };
      }>(ATTACH, { id: paymentMethodId, userId: other.id });
      expect(billingAttachPaymentMethod.isDefault).toBe(true);
      expect(
        (await other.client.data<{ billingPaymentMethods: { id: string }[] }>(METHODS)).billingPaymentMethods,
      ).toEqual([{ id: paymentMethodId, last4: '4242', isDefault: true }]);
    });

    it('refuses a card Stripe declines when attaching it', async () => {
      const driver = await driverWithTag('TAG-DECLINED');
      await driver.client.data(SETUP);
      const declined = await stripe.collectCard(SECRET_KEY, '4000000000000002');
      expect(await driver.client.errorCode(ATTACH, { id: declined })).toBe('BAD_USER_INPUT');
      expect(
        (await driver.client.data<{ billingPaymentMethods: unknown[] }>(METHODS)).billingPaymentMethods,
      ).toEqual([]);
    });
  });

  describe('prerequisites at the station (a real OCPP 1.6 peer)', () => {
    it('refuses a driver without a card at Authorize and at StartTransaction, says why in the message log and tells the driver', async () => {
      const driver = await driverWithTag('TAG-NO-CARD');
      station.send('authorize TAG-NO-CARD');
      expect(await station.next()).toMatchObject({ event: 'authorized', status: 'Blocked' });
      const refused = await chargeSession('TAG-NO-CARD', 10, 3000);
      expect(refused.status).toBe('Blocked');

      // The message log is written in batches: both refusals appear with their reason.
      const notes = await eventually(
        async () => {
          const { ocppMessages } = await admin.data<{
            ocppMessages: { edges: { node: { action: string | null; note: string | null } }[] };
          }>(
            'query($id: ID) { ocppMessages(chargingStationId: $id, first: 50) { edges { node { action note } } } }',
            {
              id: STATION,
            },
          );
          return ocppMessages.edges.filter((edge) => edge.node.note).map((edge) => edge.node);
        },
        (found) => found.length >= 2,
        20_000,
      );
      expect(notes.map((node) => node.action).sort()).toEqual(['Authorize', 'StartTransaction']);
      for (const node of notes)
        expect(node.note).toMatch(/^NO_PAYMENT_METHOD: the driver has no payment method/);

      const mail = await mailpit.waitFor(driver.email, (message) =>
        message.subject.includes('charging refused'),
      );
      expect(mail.text).toContain(STATION);
      expect(mail.text).toContain('no payment method');
    });

    it('accepts the same driver once they have a card (no wait: the card is known at once)', async () => {
      const driver = await driverWithTag('TAG-CARD-LATER');
      station.send('authorize TAG-CARD-LATER');
      expect(await station.next()).toMatchObject({ status: 'Blocked' });
      await addCard(driver, CARDS.visa);
      station.send('authorize TAG-CARD-LATER');
      expect(await station.next()).toMatchObject({ status: 'Accepted' });
    });

    it('exempts users with free access (set by an admin)', async () => {
      const driver = await driverWithTag('TAG-FREE');
      const grant =
        'mutation($id: ID!, $free: Boolean!) { billingSetFreeAccess(userId: $id, freeAccess: $free) }';
      expect(await driver.client.errorCode(grant, { id: driver.id, free: true })).toBe('FORBIDDEN');
      await admin.data(grant, { id: driver.id, free: true });
      station.send('authorize TAG-FREE');
      expect(await station.next()).toMatchObject({ status: 'Accepted' });
      await admin.data(grant, { id: driver.id, free: false });
      station.send('authorize TAG-FREE');
      expect(await station.next()).toMatchObject({ status: 'Blocked' });
    });

    it('answers NoCredit to an OCPP 2.0.1 station (Authorize and TransactionEvent Started)', async () => {
      await driverWithTag('TAG-NO-CARD-201');
      const station201 = await connectStation(server.wsUrl, 'CS-BILLING-201', { protocols: ['ocpp2.0.1'] });
      try {
        await station201.call('BootNotification', {
          reason: 'PowerUp',
          chargingStation: { model: 'Billing201', vendorName: 'Voltgrid tests' },
        });
        const idToken = { idToken: 'TAG-NO-CARD-201', type: 'ISO14443' };
        const authorized = (await station201.call('Authorize', { idToken })) as {
          idTokenInfo: { status: string };
        };
        expect(authorized.idTokenInfo.status).toBe('NoCredit');
        const started = (await station201.call('TransactionEvent', {
          eventType: 'Started',
          timestamp: new Date().toISOString(),
          triggerReason: 'Authorized',
          seqNo: 0,
          transactionInfo: { transactionId: 'billing-201-1' },
          idToken,
          evse: { id: 1, connectorId: 1 },
        })) as { idTokenInfo?: { status: string } };
        expect(started.idTokenInfo?.status).toBe('NoCredit');
      } finally {
        await station201.close({ force: true });
      }
    });

    it('exempts badges of nobody (nothing to bill)', async () => {
      await createTag(admin, { id: 'TAG-NOBODY' });
      station.send('authorize TAG-NOBODY');
      expect(await station.next()).toMatchObject({ status: 'Accepted' });
    });
  });

  describe('invoices per session', () => {
    it('bills a session with one invoice line per pricing dimension: the invoice is paid at once and shown', async () => {
      const driver = await driverWithTag('TAG-PAYS');
      await addCard(driver, CARDS.visa);
      const updates = subscribe<{ invoiceUpdated: { id: string; status: string; amount: number } }>(
        graphqlWsClient(server.wsUrl, driver.client.bearer),
        'subscription { invoiceUpdated { id status amount } }',
      );
      const { transactionId } = await chargeSession('TAG-PAYS', 30, 4000);
      const billing = await billingOf(transactionId, (value) => value?.status === 'billed');
      expect(billing.invoiceId).toMatch(/^in_/);
      // The frontend hears of it: created (draft), then paid.
      const seen = [(await updates.next(30_000)).invoiceUpdated, (await updates.next(30_000)).invoiceUpdated];
      await updates.close();
      expect(seen.map((update) => [update.id, update.status])).toEqual([
        [billing.invoiceId, 'draft'],
        [billing.invoiceId, 'paid'],
      ]);

      const { invoice } = await driver.client.data<{
        invoice: {
          status: string;
          amount: number;
          currency: string;
          userId: string;
          transactionIds: string[];
          lines: { description: string; amount: number; dimension: string; transactionId: string }[];
        };
      }>(INVOICE, { id: billing.invoiceId });
      expect(invoice).toMatchObject({
        status: 'paid',
        currency: 'EUR',
        userId: driver.id,
        transactionIds: [transactionId],
      });
      // 4 kWh × 0.40 + 0.5 h × 2 + 1: each line excluding tax, each with its own rate.
      expect(invoice.lines.map((line) => [line.dimension, line.amount]).sort()).toEqual([
        ['ENERGY', 1.6],
        ['FLAT', 1],
        ['TIME', 1],
      ]);
      expect(invoice.lines.every((line) => line.transactionId === transactionId)).toBe(true);
      // ENERGY and FLAT carry the tariff's 20 %, TIME the tenant's 8.5 %: 2.6 × 1.2 + 1 × 1.085.
      expect(invoice.amount).toBeCloseTo(4.21, 2);

      const atStripe = await stripe.client(SECRET_KEY).invoices.retrieve(billing.invoiceId!);
      expect(atStripe.status).toBe('paid');
      expect(atStripe.total).toBe(421);

      const { invoices } = await driver.client.data<{
        invoices: { totalCount: number; edges: { node: { id: string } }[] };
      }>('{ invoices { totalCount edges { node { id } } } }');
      expect(invoices.edges.map((edge) => edge.node.id)).toEqual([billing.invoiceId]);
      const mail = await mailpit.waitFor(driver.email, (message) => message.subject.includes('paid'));
      expect(mail.text).toContain('4.21');
    });

    it('leaves the invoice open when the card fails, marks the session failed and tells the driver', async () => {
      const driver = await driverWithTag('TAG-FAILS');
      await addCard(driver, CARDS.chargeFails);
      const { transactionId } = await chargeSession('TAG-FAILS', 20, 2000);
      const billing = await billingOf(transactionId, (value) => value?.status === 'failed');
      expect(billing.reason).toMatch(/Payment failed/);
      const { invoice } = await admin.data<{
        invoice: { status: string; paymentAttempts: number; lastPaymentError: string };
      }>(INVOICE, { id: billing.invoiceId });
      expect(invoice).toMatchObject({ status: 'open', paymentAttempts: 1 });
      expect(invoice.lastPaymentError).toBeTruthy();
      expect((await stripe.client(SECRET_KEY).invoices.retrieve(billing.invoiceId!)).status).toBe('open');
      await mailpit.waitFor(driver.email, (message) => message.subject.includes('failed'));
    });

    it('leaves sessions under the free threshold unbilled', async () => {
      const driver = await driverWithTag('TAG-SHORT');
      await addCard(driver, CARDS.visa);
      const { transactionId } = await chargeSession('TAG-SHORT', 1, 3000);
      const billing = await billingOf(transactionId, (value) => value !== null);
      expect(billing).toMatchObject({ status: 'unbilled', invoiceId: null });
      expect(billing.reason).toMatch(/shorter than 120 s/);
    });

    it('never bills a session twice: the same job run again finds the session billed', async () => {
      const driver = await driverWithTag('TAG-TWICE');
      await addCard(driver, CARDS.visa);
      const { transactionId } = await chargeSession('TAG-TWICE', 15, 1500);
      const billing = await billingOf(transactionId, (value) => value?.status === 'billed');
      const job = await database.collection('queued_jobs').findOne({ queue: 'billing.session' });
      expect(job).toBeNull();
      // The stop event again (a redelivery): one more job for the same session.
      const { JobQueue, JobRunner } = await import('@csms/database');
      const stopped = (await database.collection('transactions').findOne({ _id: transactionId as never }))!;
      await server.app.get(JobQueue).enqueue(
        'default' as never,
        'billing.session',
        {
          transactionId,
          userId: driver.id,
          chargingStationId: STATION,
          startedAt: stopped.startedAt,
          stoppedAt: stopped.stoppedAt,
          energyWh: stopped.energyWh,
          price: stopped.price,
        },
        { key: transactionId },
      );
      await server.app.get(JobRunner).whenIdle('billing.session');
      const customer = (await stripe.client(SECRET_KEY).customers.list({ email: driver.email })).data[0];
      const invoices = await stripe.client(SECRET_KEY).invoices.list({ customer: customer.id });
      expect(invoices.data.map((invoice) => invoice.id)).toEqual([billing.invoiceId]);
      const atStripe = await stripe.client(SECRET_KEY).invoices.retrieve(billing.invoiceId!);
      expect(atStripe.lines.data).toHaveLength(3);
      expect(atStripe.status).toBe('paid');
      expect(await billingOf(transactionId, () => true)).toEqual(billing);
    });
  });

  describe('the scheduled billing run (monthly invoices, payment retries)', () => {
    /** Any change of the settings runs the tenant's billing at once (otherwise every BILLING_JOB_INTERVAL_SECONDS). */
    const runBilling = (immediateBilling: boolean) =>
      admin.data(SETTINGS, { input: { enabled: true, immediateBilling } });

    it('charges an unpaid invoice again once the driver has a card that pays', async () => {
      const driver = await driverWithTag('TAG-RETRY');
      await addCard(driver, CARDS.chargeFails);
      const { transactionId } = await chargeSession('TAG-RETRY', 20, 2000);
      const failed = await billingOf(transactionId, (value) => value?.status === 'failed');
      await addCard(driver, CARDS.visa);
      // Charged again once BILLING_PAYMENT_RETRY_HOURS (here about a second) passed since the failure.
      const billed = await eventually(
        async () => {
          await runBilling(true);
          await new Promise((resolve) => setTimeout(resolve, 250));
          return (await admin.data<{ transaction: { billing: Billing } }>(BILLING_OF, { id: transactionId }))
            .transaction.billing;
        },
        (value) => value.status === 'billed',
        60_000,
      );
      expect(billed.invoiceId).toBe(failed.invoiceId);
      const { invoice } = await driver.client.data<{
        invoice: { status: string; paymentAttempts: number; lastPaymentError: string | null };
      }>(INVOICE, { id: billed.invoiceId });
      expect(invoice).toMatchObject({ status: 'paid', paymentAttempts: 2, lastPaymentError: null });
      expect((await stripe.client(SECRET_KEY).invoices.retrieve(billed.invoiceId!)).status).toBe('paid');
      await mailpit.waitFor(
        driver.email,
        (message) => message.subject.includes('paid') && !message.subject.includes('failed'),
      );
    });

    it('bills a session whose stop event was lost (no billing record) at the next run', async () => {
      const driver = await driverWithTag('TAG-LOST-STOP');
      await addCard(driver, CARDS.visa);
      // As if the instance stopped between the session's stop and its billing job: nothing hears the event.
      const listener = server.app.get(SessionBillingListener);
      listener.onModuleDestroy();
      let transactionId: string;
      try {
        ({ transactionId } = await chargeSession('TAG-LOST-STOP', 30, 3000));
      } finally {
        listener.onModuleInit();
      }
      await server.app.get(JobRunner).whenIdle('billing.session');
      expect(
        (await admin.data<{ transaction: { billing: Billing | null } }>(BILLING_OF, { id: transactionId }))
          .transaction.billing,
      ).toBeNull();

      await runBilling(true);
      const billed = await billingOf(transactionId, (value) => value?.status === 'billed');
      const { invoice } = await driver.client.data<{ invoice: { status: string; transactionIds: string[] } }>(
        INVOICE,
        { id: billed.invoiceId },
      );
      expect(invoice).toMatchObject({ status: 'paid', transactionIds: [transactionId] });
      // The next run finds the session billed and leaves it be: still one invoice.
      await runBilling(true);
      await server.app.get(JobRunner).whenIdle('billing.periodic');
      await server.app.get(JobRunner).whenIdle('billing.session');
      const { invoices } = await driver.client.data<{ invoices: { totalCount: number } }>(
        '{ invoices { totalCount } }',
      );
      expect(invoices.totalCount).toBe(1);
    });

    it('bills periodically: a user’s sessions of past months in one invoice, this month’s left pending', async () => {
      await runBilling(false);
      const driver = await driverWithTag('TAG-MONTHLY');
      await addCard(driver, CARDS.visa);
      const lastMonth = await chargeSession('TAG-MONTHLY', 30, 4000, 35);
      const thisMonth = await chargeSession('TAG-MONTHLY', 30, 2000);
      for (const { transactionId } of [lastMonth, thisMonth]) {
        expect(await billingOf(transactionId, (value) => value !== null)).toMatchObject({
          status: 'pending',
          invoiceId: null,
        });
      }

      await runBilling(false);
      const billed = await billingOf(lastMonth.transactionId, (value) => value?.status === 'billed');
      const { invoice } = await driver.client.data<{
        invoice: {
          status: string;
          transactionIds: string[];
          lines: { dimension: string; transactionId: string }[];
        };
      }>(INVOICE, { id: billed.invoiceId });
      expect(invoice.status).toBe('paid');
      expect(invoice.transactionIds).toEqual([lastMonth.transactionId]);
      expect(invoice.lines.map((line) => line.dimension).sort()).toEqual(['ENERGY', 'FLAT', 'TIME']);
      expect(invoice.lines.every((line) => line.transactionId === lastMonth.transactionId)).toBe(true);
      expect(await billingOf(thisMonth.transactionId, () => true)).toMatchObject({
        status: 'pending',
        invoiceId: null,
      });
    });

    it('shows a driver their monthly draft so far (the upcoming invoice), its month in the tenant’s time zone', async () => {
      const UPCOMING = `query($userId: ID) { billingUpcomingInvoice(userId: $userId) {
        period periodStart periodEnd timeZone currency subtotal tax amount transactionIds
        lines { amount dimension transactionId } } }`;
      interface Upcoming {
        period: string;
        periodStart: string;
        periodEnd: string;
        timeZone: string;
        currency: string;
        subtotal: number;
        tax: number;
        amount: number;
        transactionIds: string[];
        lines: { amount: number; dimension: string; transactionId: string }[];
      }
      const zone = 'Pacific/Kiritimati';
      const superAdmin = await loginAsAdmin(server.httpUrl);
      await superAdmin.data('mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { id } }', {
        input: { id: 'default', timeZone: zone },
      });
      await runBilling(false);
      const driver = await driverWithTag('TAG-UPCOMING');
      await addCard(driver, CARDS.visa);
      const { transactionId } = await chargeSession('TAG-UPCOMING', 30, 2000);
      await billingOf(transactionId, (value) => value?.status === 'pending');

      const draft = (await eventually(
        async () =>
          (await driver.client.data<{ billingUpcomingInvoice: Upcoming | null }>(UPCOMING))
            .billingUpcomingInvoice,
        (value) => value?.timeZone === zone,
      ))!;
      expect(draft.currency).toBe('EUR');
      expect(draft.transactionIds).toEqual([transactionId]);
      expect(draft.lines.map((line) => line.dimension).sort()).toEqual(['ENERGY', 'FLAT', 'TIME']);
      expect(draft.lines.every((line) => line.transactionId === transactionId)).toBe(true);
      const linesTotal = draft.lines.reduce((sum, line) => sum + line.amount, 0);
      expect(draft.subtotal).toBeCloseTo(linesTotal, 6);
      expect(draft.tax).toBeGreaterThan(0);
      expect(draft.amount).toBeCloseTo(draft.subtotal + draft.tax, 6);
      // The month is Kiritimati's (UTC+14): it begins and ends at local midnight on the 1st.
      const local = (iso: string) =>
        new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(new Date(iso));
      expect(local(new Date().toISOString()).slice(0, 7)).toBe(draft.period);
      expect(local(draft.periodStart)).toBe(`${draft.period}-01, 00:00`);
      expect(local(draft.periodEnd)).toMatch(/-01, 00:00$/);
      expect(new Date(draft.periodStart).getUTCHours()).toBe(10);

      // Admins see anyone's; drivers only their own.
      const { billingUpcomingInvoice: seenByAdmin } = await admin.data<{ billingUpcomingInvoice: Upcoming }>(
        UPCOMING,
        { userId: driver.id },
      );
      expect(seenByAdmin.transactionIds).toEqual([transactionId]);
      const other = await driverWithTag('TAG-UPCOMING-OTHER');
      expect(await other.client.errorCode(UPCOMING, { userId: driver.id })).toBe('FORBIDDEN');

      await superAdmin.data('mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { id } }', {
        input: { id: 'default', timeZone: 'UTC' },
      });
      await runBilling(true);
      expect(
        (await driver.client.data<{ billingUpcomingInvoice: null }>(UPCOMING)).billingUpcomingInvoice,
      ).toBeNull();
    });
  });

  describe('webhooks at POST /billing/stripe/webhook/{tenant}', () => {
    let sequence = 0;
    const event = (type: string, object: Record<string, unknown>, previous?: Record<string, unknown>) =>
      JSON.stringify({
        id: `evt_test_${++sequence}_${Date.now()}`,
        object: 'event',
        type,
        created: Math.floor(Date.now() / 1000) - (previous ? 0 : 60),
        livemode: false,
        data: { object, ...(previous ? { previous_attributes: previous } : {}) },
      });
    const post = (body: string, options: { tenant?: string; signature?: string | null } = {}) =>
      fetch(`${server.httpUrl}/billing/stripe/webhook/${options.tenant ?? 'default'}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.signature === null
            ? {}
            : {
                'stripe-signature':
                  options.signature ??
                  Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }),
              }),
        },
        body,
      });
    const handled = () => server.app.get(JobRunner).whenIdle('billing.webhook');
    const customerOf = async (email: string) =>
      (await stripe.client(SECRET_KEY).customers.list({ email })).data[0];

    beforeAll(async () => {
      await admin.data(SETTINGS, {
        input: { enabled: true, immediateBilling: true, webhookSecret: WEBHOOK_SECRET },
      });
    });

    it('answers 400 to a wrong or missing signature and 404 to an unknown tenant, and changes nothing', async () => {
      const body = event('customer.deleted', { id: 'cus_unknown', object: 'customer', deleted: true });
      const forged = Stripe.webhooks.generateTestHeaderString({
        payload: body,
        secret: 'whsec_someoneElse0000',
      });
      expect((await post(body, { signature: forged })).status).toBe(400);
      expect((await post(body, { signature: null })).status).toBe(400);
      expect(
        (
          await post(`${body} `, {
            signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }),
          })
        ).status,
      ).toBe(400);
      expect((await post(body, { tenant: 'no-such-tenant' })).status).toBe(404);
      expect(await database.collection('billing_webhook_events').countDocuments()).toBe(0);
      const accepted = await post(body);
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toEqual({ received: true });
    });

    it('follows Stripe whatever the order of the events, and handles each once: a card detached at Stripe stops the driver at the station', async () => {
      const driver = await driverWithTag('TAG-WEBHOOK-CARD');
      const card = await addCard(driver, CARDS.visa);
      const customer = await customerOf(driver.email);
      await stripe.client(SECRET_KEY).paymentMethods.detach(card.id);
      // The later event first, then the earlier one: billing reads the cards from Stripe either way.
      const detached = event(
        'payment_method.detached',
        { id: card.id, object: 'payment_method', customer: null },
        { customer: customer.id },
      );
      const attached = event('payment_method.attached', {
        id: card.id,
        object: 'payment_method',
        customer: customer.id,
      });
      expect((await post(detached)).status).toBe(200);
      expect((await post(attached)).status).toBe(200);
      expect((await post(detached)).status).toBe(200); // Stripe retries a delivery: same event id.
      await handled();
      station.send('authorize TAG-WEBHOOK-CARD');
      expect(await station.next()).toMatchObject({ status: 'Blocked' });
      const detachedId = (JSON.parse(detached) as { id: string }).id;
      expect(
        await database
          .collection('billing_webhook_events')
          .countDocuments({ _id: `default:${detachedId}` as never }),
      ).toBe(1);
    });

    it('mirrors an invoice paid at Stripe: the invoice paid, the session billed, the driver told', async () => {
      const driver = await driverWithTag('TAG-WEBHOOK-PAID');
      await addCard(driver, CARDS.chargeFails);
      const { transactionId } = await chargeSession('TAG-WEBHOOK-PAID', 20, 2000);
      const failed = await billingOf(transactionId, (value) => value?.status === 'failed');
      // Paid in the Stripe dashboard with another card.
      const customer = await customerOf(driver.email);
      const other = await stripe.collectCard(SECRET_KEY, CARDS.visa);
      await stripe.client(SECRET_KEY).paymentMethods.attach(other, { customer: customer.id });
      await stripe
        .client(SECRET_KEY)
        .customers.update(customer.id, { invoice_settings: { default_payment_method: other } });
      await stripe.client(SECRET_KEY).invoices.pay(failed.invoiceId!);
      expect(
        (
          await post(
            event('invoice.paid', {
              id: failed.invoiceId,
              object: 'invoice',
              status: 'paid',
              customer: customer.id,
            }),
          )
        ).status,
      ).toBe(200);
      expect(await billingOf(transactionId, (value) => value?.status === 'billed')).toMatchObject({
        invoiceId: failed.invoiceId,
      });
      const { invoice } = await driver.client.data<{ invoice: { status: string } }>(INVOICE, {
        id: failed.invoiceId,
      });
      expect(invoice.status).toBe('paid');
      await mailpit.waitFor(
        driver.email,
        (message) => message.subject.includes('paid') && !message.subject.includes('failed'),
      );
    });

    it('forgets a customer deleted at Stripe and creates a new one when next needed', async () => {
      const driver = await driverWithTag('TAG-WEBHOOK-GONE');
      await addCard(driver, CARDS.visa);
      const customer = await customerOf(driver.email);
      await stripe.client(SECRET_KEY).customers.del(customer.id);
      expect(
        (await post(event('customer.deleted', { id: customer.id, object: 'customer', deleted: true })))
          .status,
      ).toBe(200);
      await handled();
      expect(
        (await driver.client.data<{ billingPaymentMethods: unknown[] }>(METHODS)).billingPaymentMethods,
      ).toEqual([]);
      station.send('authorize TAG-WEBHOOK-GONE');
      expect(await station.next()).toMatchObject({ status: 'Blocked' });
      await driver.client.data(SETUP);
      const renewed = await customerOf(driver.email);
      expect(renewed.id).not.toBe(customer.id);
      expect(renewed.metadata).toMatchObject({ userId: driver.id });
    });
  });
});
