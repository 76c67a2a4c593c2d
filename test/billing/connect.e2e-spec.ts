import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import Stripe from 'stripe';
import { JobQueue, JobRunner } from '@csms/database';
import { asTenantId } from '@csms/common';
import { createCompany, createSite, createSiteArea } from '../organizations/support/organizations';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { CARDS, Localstripe } from '../support/localstripe';
import { PythonStation } from '../support/python-station';
import { TestApp, startTestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { SessionTransferListener } from '../../libs/billing/src/transfers/session-transfer.listener';
import { addCard, applyTenantTariff, chargeSession } from './support/billing-session';

const SECRET_KEY = 'sk_test_voltgridConnect0123456789';
const WEBHOOK_SECRET = 'whsec_voltgridConnectSecret01';
/** Stripe signs connected accounts' events with the secret of the platform's Connect endpoint. */
const CONNECT_WEBHOOK_SECRET = 'whsec_voltgridConnectAccounts01';
const STATION = 'CS-CONNECT-16';
const TRANSFER_QUEUE = 'billing.transfer';

/** 0.50 EUR/kWh and a 1 EUR session fee, both with 20 % VAT: 10 kWh cost 6.00 + 1.20 VAT = 7.20 EUR. */
const TARIFF = {
  name: 'Connect tariff',
  currency: 'EUR',
  elements: [
    {
      priceComponents: [
        { type: 'ENERGY', price: 0.5, vat: 20, stepSize: 1 },
        { type: 'FLAT', price: 1, vat: 20, stepSize: 1 },
      ],
    },
  ],
};

const SETTINGS = 'mutation($input: BillingSettingsInput!) { updateBillingSettings(input: $input) }';
const CREATE =
  'mutation($input: CreateConnectedAccountInput!) { billingCreateConnectedAccount(input: $input) { id ownerType ownerId companyId siteId name status transfersEnabled } }';
const ACCOUNTS =
  'query($companyId: ID) { billingConnectedAccounts(companyId: $companyId) { id ownerType ownerId status detailsSubmitted chargesEnabled payoutsEnabled transfersEnabled } }';
const LINK =
  'mutation($accountId: ID!, $returnUrl: String) { billingConnectedAccountOnboardingLink(accountId: $accountId, returnUrl: $returnUrl) { url } }';
const TRANSFERS = `query($accountId: ID) { billingTransfers(accountId: $accountId, first: 50) { totalCount edges { node {
  transactionId invoiceId status reason accountId currency collected platformFee amount transferId } } } }`;

interface Account {
  id: string;
  ownerType: string;
  ownerId: string;
  status: string;
  transfersEnabled: boolean;
}

interface Transfer {
  transactionId: string;
  invoiceId: string;
  status: string;
  reason: string | null;
  accountId: string | null;
  currency: string | null;
  collected: number | null;
  platformFee: number | null;
  amount: number | null;
  transferId: string | null;
}

describe('Stripe Connect: accounts of companies and sites, transfers of paid sessions (against localstripe)', () => {
  let stripe: Localstripe;
  let stripeClient: Stripe;
  let server: TestApp;
  let admin: GraphQLClient;
  let driver: GraphQLClient;
  let station: PythonStation;
  let database: Connection;
  const places: Record<'company' | 'siteWithAccount' | 'siteOfCompany' | 'otherSite', string> = {
    company: '',
    siteWithAccount: '',
    siteOfCompany: '',
    otherSite: '',
  };
  const areas: Record<'siteWithAccount' | 'siteOfCompany' | 'otherSite', string> = {
    siteWithAccount: '',
    siteOfCompany: '',
    otherSite: '',
  };
  let siteAccount: Account;
  let companyAccount: Account;

  const accounts = async (): Promise<Account[]> =>
    (await admin.data<{ billingConnectedAccounts: Account[] }>(ACCOUNTS)).billingConnectedAccounts;

  const transferOf = (transactionId: string, until: (transfer: Transfer | undefined) => boolean) =>
    eventually(
      async () =>
        (
          await admin.data<{ billingTransfers: { edges: { node: Transfer }[] } }>(TRANSFERS)
        ).billingTransfers.edges
          .map((edge) => edge.node)
          .find((transfer) => transfer.transactionId === transactionId),
      until,
      60_000,
    );

  /** A paid session (10 kWh, 7.20 EUR) at the station, placed in the given site area first. */
  const paidSessionIn = async (siteAreaId: string, tag: string): Promise<string> => {
    await admin.data(
      'mutation($station: ID!, $area: ID) { assignChargingStationToSiteArea(chargingStationId: $station, siteAreaId: $area) { id } }',
      { station: STATION, area: siteAreaId },
    );
    const { status, transactionId } = await chargeSession(station, admin, STATION, {
      tag,
      minutes: 30,
      energyWh: 10_000,
    });
    expect(status).toBe('Accepted');
    return transactionId;
  };

  /** The account holder completes onboarding at the link: localstripe then sends `account.updated`. */
  const onboard = async (accountId: string): Promise<void> => {
    const { billingConnectedAccountOnboardingLink } = await admin.data<{
      billingConnectedAccountOnboardingLink: { url: string };
    }>(LINK, { accountId, returnUrl: 'https://console.example/connect/done' });
    const page = await fetch(billingConnectedAccountOnboardingLink.url);
    expect(page.status).toBe(200);
  };

  beforeAll(async () => {
    stripe = await Localstripe.start();
    stripeClient = stripe.client(SECRET_KEY);
    server = await startTestApp('billing-connect', {
      BILLING_STRIPE_API_URL: stripe.url,
      BILLING_STRIPE_MAX_NETWORK_RETRIES: '0',
      JOBS_POLL_MS: '200',
    });
    database = server.app.get<Connection>(getConnectionToken());
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    await applyTenantTariff(admin, TARIFF);
    await admin.data(SETTINGS, {
      input: {
        enabled: true,
        secretKey: SECRET_KEY,
        taxRatePercent: 20,
        immediateBilling: true,
        webhookSecret: WEBHOOK_SECRET,
        connectWebhookSecret: CONNECT_WEBHOOK_SECRET,
        platformFeeFlat: 0.5,
        platformFeePercent: 10,
      },
    });
    // localstripe signs the events it sends with this secret, as Stripe does for a Connect endpoint.
    const registered = await fetch(`${stripe.url}/_config/webhooks/csms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        url: `${server.httpUrl}/billing/stripe/webhook/default`,
        secret: CONNECT_WEBHOOK_SECRET,
        'events[0]': 'account.updated',
      }),
    });
    expect(registered.status).toBe(200);

    places.company = await createCompany(admin, 'Connect Car Parks');
    places.siteWithAccount = await createSite(admin, places.company, 'Harbour car park');
    places.siteOfCompany = await createSite(admin, places.company, 'Station car park');
    places.otherSite = await createSite(admin, await createCompany(admin, 'Without Connect'), 'Town hall');
    for (const site of ['siteWithAccount', 'siteOfCompany', 'otherSite'] as const) {
      areas[site] = await createSiteArea(admin, places[site], `${site} area`);
    }

    const driverUser = await createUserAndLogin(superAdmin, 'BASIC');
    driver = driverUser.client;
    await createTag(admin, { id: 'TAG-CONNECT', userId: driverUser.id });
    expect((await addCard(driver, stripe, SECRET_KEY, CARDS.visa)).isDefault).toBe(true);

    station = PythonStation.spawn('ocpp16_billing_station.py', [`${server.wsUrl}/ocpp/default`, STATION]);
    expect((await station.next(60_000)).event).toBe('booted');
  });

  afterAll(async () => {
    station?.send('quit');
    station?.kill();
    await server?.close();
    await stripe?.stop();
  });

  describe('connected accounts', () => {
    it('are the admins’: a driver may neither list, create nor onboard them, nor see transfers', async () => {
      expect(await driver.errorCode(ACCOUNTS)).toBe('FORBIDDEN');
      expect(await driver.errorCode(CREATE, { input: { siteId: places.siteWithAccount } })).toBe('FORBIDDEN');
      expect(await driver.errorCode(LINK, { accountId: 'acct_123' })).toBe('FORBIDDEN');
      expect(await driver.errorCode(TRANSFERS)).toBe('FORBIDDEN');
    });

    it('refuse bad input: both or neither owner, a country not in ISO form, an unknown site, and fees out of range', async () => {
      const refused = [
        { companyId: places.company, siteId: places.siteWithAccount },
        {},
        { siteId: places.siteWithAccount, country: 'france' },
        { siteId: places.siteWithAccount, email: 'not-an-email' },
      ];
      for (const input of refused) expect(await admin.errorCode(CREATE, { input })).toBe('BAD_USER_INPUT');
      expect(await admin.errorCode(CREATE, { input: { siteId: '000000000000000000000000' } })).toBe(
        'NOT_FOUND',
      );
      for (const input of [
        { enabled: true, platformFeePercent: 101 },
        { enabled: true, platformFeeFlat: -1 },
        { enabled: true, connectWebhookSecret: 'not-a-signing-secret' },
      ]) {
        expect(await admin.errorCode(SETTINGS, { input })).toBe('BAD_USER_INPUT');
      }
      expect(await stripeClient.accounts.list()).toMatchObject({ data: [] });
      const { billingSettings } = await admin.data<{ billingSettings: Record<string, unknown> }>(
        '{ billingSettings { connectWebhookSecretSet connectWebhookSecretLast4 platformFeeFlat platformFeePercent } }',
      );
      expect(billingSettings).toEqual({
        connectWebhookSecretSet: true,
        connectWebhookSecretLast4: 'ts01',
        platformFeeFlat: 0.5,
        platformFeePercent: 10,
      });
    });

    it('are created at Stripe for a site and for a company, pending until onboarded; one per owner', async () => {
      const { billingCreateConnectedAccount: forSite } = await admin.data<{
        billingCreateConnectedAccount: Account;
      }>(CREATE, { input: { siteId: places.siteWithAccount, email: 'harbour@example.com', country: 'FR' } });
      expect(forSite).toMatchObject({
        ownerType: 'SITE',
        ownerId: places.siteWithAccount,
        companyId: places.company,
        siteId: places.siteWithAccount,
        name: 'Harbour car park',
        status: 'PENDING',
        transfersEnabled: false,
      });
      expect(forSite.id).toMatch(/^acct_/);
      const atStripe = await stripeClient.accounts.retrieve(forSite.id);
      expect(atStripe).toMatchObject({
        type: 'express',
        email: 'harbour@example.com',
        country: 'FR',
        business_profile: { name: 'Harbour car park' },
        metadata: { tenantId: 'default', ownerType: 'SITE', ownerId: places.siteWithAccount },
        capabilities: { transfers: 'inactive' },
      });
      siteAccount = forSite;
      companyAccount = (
        await admin.data<{ billingCreateConnectedAccount: Account }>(CREATE, {
          input: { companyId: places.company },
        })
      ).billingCreateConnectedAccount;
      expect(companyAccount).toMatchObject({
        ownerType: 'COMPANY',
        ownerId: places.company,
        status: 'PENDING',
      });

      expect(await admin.errorCode(CREATE, { input: { siteId: places.siteWithAccount } })).toBe(
        'BAD_USER_INPUT',
      );
      expect((await stripeClient.accounts.list()).data).toHaveLength(2);
      expect((await accounts()).map((account) => account.id).sort()).toEqual(
        [companyAccount.id, siteAccount.id].sort(),
      );
    });

    it('become active when their holder completes onboarding at the link (the account.updated webhook)', async () => {
      await onboard(siteAccount.id);
      const active = await eventually(
        accounts,
        (listed) => listed.find((account) => account.id === siteAccount.id)?.status === 'ACTIVE',
        30_000,
      );
      expect(active.find((account) => account.id === siteAccount.id)).toMatchObject({
        detailsSubmitted: true,
        chargesEnabled: true,
        payoutsEnabled: true,
        transfersEnabled: true,
      });
      expect(active.find((account) => account.id === companyAccount.id)?.status).toBe('PENDING');
      expect(
        await admin.errorCode(LINK, { accountId: siteAccount.id, returnUrl: 'javascript:alert(1)' }),
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('transfers of paid sessions', () => {
    let firstSession: string;

    it('pays a session out to its site’s account: what the driver paid less the fee (0.50 EUR + 10 %)', async () => {
      firstSession = await paidSessionIn(areas.siteWithAccount, 'TAG-CONNECT');
      const transfer = (await transferOf(firstSession, (found) => found?.status === 'TRANSFERRED'))!;
      // 7.20 EUR paid; fee 0.50 + 0.72 = 1.22 EUR; 5.98 EUR to the site.
      expect(transfer).toMatchObject({
        accountId: siteAccount.id,
        currency: 'EUR',
        collected: 7.2,
        platformFee: 1.22,
        amount: 5.98,
        reason: null,
      });
      const atStripe = await stripeClient.transfers.retrieve(transfer.transferId!);
      const invoice = await stripeClient.invoices.retrieve(transfer.invoiceId);
      expect(invoice.total).toBe(720);
      expect(atStripe).toMatchObject({
        amount: 598,
        currency: 'eur',
        destination: siteAccount.id,
        transfer_group: `invoice:${transfer.invoiceId}`,
        metadata: { tenantId: 'default', transactionId: firstSession, invoiceId: transfer.invoiceId },
      });
      const charge = (invoice as unknown as { charge: { id: string } | string }).charge;
      expect(atStripe.source_transaction).toBe(typeof charge === 'string' ? charge : charge.id);
    });

    it('never transfers a session twice: a repeated job, and a retry after a lost answer, make no second transfer', async () => {
      const runner = server.app.get(JobRunner);
      const jobs = server.app.get(JobQueue);
      const { invoiceId, transferId } = (await transferOf(firstSession, (found) => !!found?.transferId))!;
      await jobs.enqueue(
        asTenantId('default'),
        TRANSFER_QUEUE,
        { transactionId: firstSession, invoiceId },
        {
          key: firstSession,
        },
      );
      await runner.whenIdle(TRANSFER_QUEUE);
      // As if the transfer was made at Stripe but its answer never stored here: the retry's request has
      // the same idempotency key, and Stripe answers it with the transfer it made.
      await database
        .collection('billing_transfers')
        .updateOne(
          { _id: firstSession as never },
          { $set: { status: 'PENDING' }, $unset: { transferId: 1 } },
        );
      await jobs.enqueue(
        asTenantId('default'),
        TRANSFER_QUEUE,
        { transactionId: firstSession, invoiceId },
        {
          key: firstSession,
        },
      );
      const again = await transferOf(firstSession, (found) => found?.status === 'TRANSFERRED');
      expect(again?.transferId).toBe(transferId);
      expect((await stripeClient.transfers.list({ destination: siteAccount.id })).data).toHaveLength(1);
    });

    it('waits for the company’s account to be onboarded when the site has none, then transfers', async () => {
      const transactionId = await paidSessionIn(areas.siteOfCompany, 'TAG-CONNECT');
      const waiting = await transferOf(transactionId, (found) => found?.status === 'WAITING');
      expect(waiting).toMatchObject({ accountId: companyAccount.id, amount: 5.98, transferId: null });
      expect((await stripeClient.transfers.list({ destination: companyAccount.id })).data).toHaveLength(0);

      await onboard(companyAccount.id);
      const made = (await transferOf(transactionId, (found) => found?.status === 'TRANSFERRED'))!;
      const atStripe = await stripeClient.transfers.retrieve(made.transferId!);
      expect(atStripe).toMatchObject({ amount: 598, destination: companyAccount.id });
      const { billingTransfers } = await admin.data<{ billingTransfers: { totalCount: number } }>(TRANSFERS, {
        accountId: companyAccount.id,
      });
      expect(billingTransfers.totalCount).toBe(1);
    });

    it('transfers a paid session whose payment event was lost, at the next billing run', async () => {
      // As if the instance stopped between the invoice's payment and the transfer job: nothing hears it.
      const listener = server.app.get(SessionTransferListener);
      listener.onModuleDestroy();
      let transactionId: string;
      try {
        transactionId = await paidSessionIn(areas.siteWithAccount, 'TAG-CONNECT');
        await eventually(
          async () =>
            (
              await admin.data<{ transaction: { billing: { status: string } | null } }>(
                'query($id: ID!) { transaction(id: $id) { billing { status } } }',
                { id: transactionId },
              )
            ).transaction.billing?.status,
          (status) => status === 'billed',
          60_000,
        );
      } finally {
        listener.onModuleInit();
      }
      await server.app.get(JobRunner).whenIdle(TRANSFER_QUEUE);
      expect(
        await database.collection('billing_transfers').countDocuments({ _id: transactionId as never }),
      ).toBe(0);

      // Any change of the settings runs the tenant's billing at once.
      await admin.data(SETTINGS, { input: { enabled: true } });
      const made = (await transferOf(transactionId, (found) => found?.status === 'TRANSFERRED'))!;
      expect(made).toMatchObject({ accountId: siteAccount.id, amount: 5.98 });
      expect((await stripeClient.transfers.list({ destination: siteAccount.id })).data).toHaveLength(2);
    });

    it('keeps the money of a site whose company has no account, and says so', async () => {
      const transactionId = await paidSessionIn(areas.otherSite, 'TAG-CONNECT');
      const kept = await transferOf(transactionId, (found) => found?.status === 'NOT_TRANSFERRED');
      expect(kept).toMatchObject({ accountId: null, transferId: null });
      expect(kept?.reason).toMatch(/no connected account/i);
      expect((await stripeClient.transfers.list()).data).toHaveLength(3);
    });
  });
});
