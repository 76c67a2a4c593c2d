import { ProviderNotFound, ProviderRefusal } from '@csms/billing';
import { createStripeClient } from '../../libs/billing/src/stripe/stripe-client';
import { StripeGateway } from '../../libs/billing/src/stripe/stripe-gateway';
import { StripeMock } from '../support/stripe-mock';

/**
 * Every request the Stripe adapter makes, sent to stripe-mock, which checks it against Stripe's
 * OpenAPI description: a parameter Stripe does not know, or of the wrong type, is a 400 there, which
 * the adapter turns into a ProviderRefusal (ProviderNotFound is only its fixtures not being ours).
 */
describe('the Stripe adapter’s requests (contract, against stripe-mock)', () => {
  let mock: StripeMock;
  let gateway: StripeGateway;
  const key = (name: string) => ({ idempotencyKey: `contract:${name}:${Date.now()}` });

  /** The call passes stripe-mock's validation: it resolves, or fails for a reason other than a bad request. */
  const accepted = async (call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
    } catch (error) {
      if (error instanceof ProviderRefusal && !(error instanceof ProviderNotFound)) {
        throw new Error(`stripe-mock refused the request: ${error.message}`);
      }
      if (!(error instanceof ProviderNotFound)) throw error;
    }
  };

  beforeAll(async () => {
    mock = await StripeMock.start();
    gateway = new StripeGateway(
      createStripeClient('sk_test_123', { apiUrl: mock.url, maxNetworkRetries: 0, timeoutMs: 10_000 }),
    );
  });

  afterAll(() => mock?.stop());

  it('refuses what Stripe would refuse (the check is real)', async () => {
    const client = createStripeClient('sk_test_123', {
      apiUrl: mock.url,
      maxNetworkRetries: 0,
      timeoutMs: 10_000,
    });
    await expect(client.customers.create({ emial: 'typo@example.com' } as never)).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(
      client.invoiceItems.create({ customer: 'cus_123', currency: 'eur', amount: 'ten' as never }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it('sends customer requests Stripe accepts', async () => {
    const customerId = await gateway.createCustomer({
      email: 'driver@example.com',
      name: 'Ana Driver',
      locale: 'fr',
      metadata: { tenantId: 'default', userId: 'u1' },
      ...key('customer'),
    });
    expect(customerId).toMatch(/^cus_/);
    await accepted(() =>
      gateway.updateCustomer(customerId, { email: 'new@example.com', name: 'Ana', locale: 'en' }),
    );
    await accepted(() => gateway.customerExists(customerId));
  });

  it('sends card requests Stripe accepts', async () => {
    const intent = await gateway.createSetupIntent('cus_123', { tenantId: 'default', userId: 'u1' });
    expect(intent.clientSecret).toBeTruthy();
    await accepted(() => gateway.attachPaymentMethod('cus_123', 'pm_123'));
    await accepted(() => gateway.listPaymentMethods('cus_123'));
    await accepted(() => gateway.detachPaymentMethod('cus_123', 'pm_123'));
  });

  it('sends invoicing requests Stripe accepts', async () => {
    const taxRateId = await gateway.createTaxRate({ percentage: 20, displayName: 'Tax 20%', ...key('tax') });
    await accepted(() =>
      gateway.createInvoiceItem({
        customerId: 'cus_123',
        currency: 'EUR',
        amountMinor: 160,
        description: 'Energy (4 kWh)',
        taxRateIds: [taxRateId],
        metadata: { tenantId: 'default', transactionId: 't1', dimension: 'ENERGY' },
        ...key('item'),
      }),
    );
    await accepted(() =>
      gateway.createInvoice({
        customerId: 'cus_123',
        description: 'Charging session t1',
        metadata: { tenantId: 'default', transactionIds: 't1' },
        ...key('invoice'),
      }),
    );
    await accepted(() => gateway.payInvoice('in_123', key('pay')));
    await accepted(() => gateway.getInvoice('in_123'));
  });

  it('sends Connect requests Stripe accepts', async () => {
    await accepted(() =>
      gateway.createConnectedAccount({
        email: 'owner@example.com',
        country: 'FR',
        businessName: 'Paris car park',
        metadata: { tenantId: 'default', siteId: 's1' },
        ...key('account'),
      }),
    );
    await accepted(() => gateway.getConnectedAccount('acct_123'));
    await accepted(() =>
      gateway.createOnboardingLink('acct_123', {
        refreshUrl: 'https://csms.example/connect/refresh',
        returnUrl: 'https://csms.example/connect/return',
      }),
    );
    await accepted(() =>
      gateway.createTransfer({
        destination: 'acct_123',
        amountMinor: 300,
        currency: 'EUR',
        sourceChargeId: 'ch_123',
        group: 'session-t1',
        metadata: { tenantId: 'default', transactionId: 't1' },
        ...key('transfer'),
      }),
    );
  });
});
