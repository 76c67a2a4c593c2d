import Stripe from 'stripe';
import {
  BillingGateway,
  ConnectedAccountState,
  Idempotent,
  PaymentAttempt,
  ProviderInvoice,
  ProviderNotFound,
  ProviderPaymentMethod,
} from '../provider/billing-provider.port';
import { isDecline, stripeCall, toProviderError } from './stripe-errors';
import { toProviderInvoice, toProviderPaymentMethod } from './stripe-mappers';

const LINES_PER_PAGE = 100;

/**
 * One tenant's Stripe account through the official SDK. Only requests that Stripe's OpenAPI
 * description accepts (checked against stripe-mock) and that localstripe understands are sent:
 * invoices gather the customer's pending invoice items, and a payment finalizes the draft.
 */
export class StripeGateway extends BillingGateway {
  constructor(private readonly stripe: Stripe) {
    super();
  }

  createCustomer(
    customer: {
      email: string;
      name?: string;
      locale?: string;
      metadata: Record<string, string>;
    } & Idempotent,
  ): Promise<string> {
    return stripeCall(async () => {
      const created = await this.stripe.customers.create(
        {
          email: customer.email,
          ...(customer.name ? { name: customer.name } : {}),
          ...(customer.locale ? { preferred_locales: [customer.locale] } : {}),
          metadata: customer.metadata,
        },
        { idempotencyKey: customer.idempotencyKey },
      );
      return created.id;
    });
  }

  updateCustomer(
    customerId: string,
    changes: { email?: string; name?: string; locale?: string },
  ): Promise<void> {
    return stripeCall(async () => {
      await this.stripe.customers.update(customerId, {
        ...(changes.email ? { email: changes.email } : {}),
        ...(changes.name ? { name: changes.name } : {}),
        ...(changes.locale ? { preferred_locales: [changes.locale] } : {}),
      });
    });
  }

  async customerExists(customerId: string): Promise<boolean> {
    try {
      const customer = await stripeCall(() => this.stripe.customers.retrieve(customerId));
      return !customer.deleted;
    } catch (error) {
      if (error instanceof ProviderNotFound) return false;
      throw error;
    }
  }

  createSetupIntent(
    customerId: string,
    metadata: Record<string, string>,
  ): Promise<{ id: string; clientSecret: string }> {
    return stripeCall(async () => {
      const intent = await this.stripe.setupIntents.create({
        customer: customerId,
        // Which methods the frontend offers follows the account's settings (cards unless changed).
        usage: 'off_session',
        metadata,
      });
      return { id: intent.id, clientSecret: intent.client_secret ?? '' };
    });
  }

  attachPaymentMethod(customerId: string, paymentMethodId: string): Promise<void> {
    return stripeCall(async () => {
      const method = await this.stripe.paymentMethods.retrieve(paymentMethodId);
      if (this.ownerOf(method) !== customerId) {
        await this.stripe.paymentMethods.attach(paymentMethodId, { customer: customerId });
      }
      await this.stripe.customers.update(customerId, {
        invoice_settings: { default_payment_method: paymentMethodId },
      });
    });
  }

  listPaymentMethods(customerId: string): Promise<ProviderPaymentMethod[]> {
    return stripeCall(async () => {
      const [defaultId, methods] = await Promise.all([
        this.defaultMethodOf(customerId),
        this.stripe.paymentMethods.list({ customer: customerId, type: 'card', limit: 100 }),
      ]);
      return methods.data.map((method) => toProviderPaymentMethod(method, defaultId));
    });
  }

  detachPaymentMethod(customerId: string, paymentMethodId: string): Promise<void> {
    return stripeCall(async () => {
      const method = await this.stripe.paymentMethods.retrieve(paymentMethodId);
      if (this.ownerOf(method) !== customerId) {
        throw new ProviderNotFound(`Payment method ${paymentMethodId} is not one of this customer's`);
      }
      const defaultId = await this.defaultMethodOf(customerId);
      await this.stripe.paymentMethods.detach(paymentMethodId);
      if (defaultId !== paymentMethodId) return;
      // The next card, if any, becomes the default; none left: no default.
      const remaining = await this.stripe.paymentMethods.list({
        customer: customerId,
        type: 'card',
        limit: 1,
      });
      await this.stripe.customers.update(customerId, {
        invoice_settings: { default_payment_method: remaining.data[0]?.id ?? '' },
      });
    });
  }

  createTaxRate(rate: { percentage: number; displayName: string } & Idempotent): Promise<string> {
    return stripeCall(async () => {
      const created = await this.stripe.taxRates.create(
        { display_name: rate.displayName, percentage: rate.percentage, inclusive: false },
        { idempotencyKey: rate.idempotencyKey },
      );
      return created.id;
    });
  }

  createInvoiceItem(
    item: {
      customerId: string;
      currency: string;
      amountMinor: number;
      description: string;
      taxRateIds: string[];
      metadata: Record<string, string>;
    } & Idempotent,
  ): Promise<string> {
    return stripeCall(async () => {
      const created = await this.stripe.invoiceItems.create(
        {
          customer: item.customerId,
          currency: item.currency.toLowerCase(),
          amount: item.amountMinor,
          description: item.description,
          tax_rates: item.taxRateIds,
          metadata: item.metadata,
        },
        { idempotencyKey: item.idempotencyKey },
      );
      return created.id;
    });
  }

  createInvoice(
    invoice: { customerId: string; description: string; metadata: Record<string, string> } & Idempotent,
  ): Promise<ProviderInvoice> {
    return stripeCall(async () => {
      const created = await this.stripe.invoices.create(
        {
          customer: invoice.customerId,
          description: invoice.description,
          metadata: invoice.metadata,
          pending_invoice_items_behavior: 'include',
        },
        { idempotencyKey: invoice.idempotencyKey },
      );
      return toProviderInvoice(created, await this.linesOf(created));
    });
  }

  async payInvoice(invoiceId: string, request: Idempotent): Promise<PaymentAttempt> {
    let failure: string | undefined;
    try {
      const paid = await this.stripe.invoices.pay(invoiceId, {}, { idempotencyKey: request.idempotencyKey });
      if (paid.status === 'paid') {
        return { invoice: toProviderInvoice(paid, await stripeCall(() => this.linesOf(paid))), paid: true };
      }
      failure = 'The payment did not go through';
    } catch (error) {
      if (!isDecline(error)) throw toProviderError(error);
      failure = (error as Error).message;
    }
    const invoice = await this.getInvoice(invoiceId);
    return { invoice, paid: invoice.status === 'paid', failure };
  }

  getInvoice(invoiceId: string): Promise<ProviderInvoice> {
    return stripeCall(async () => {
      const invoice = await this.stripe.invoices.retrieve(invoiceId);
      return toProviderInvoice(invoice, await this.linesOf(invoice));
    });
  }

  createConnectedAccount(
    account: {
      email?: string;
      country?: string;
      businessName: string;
      metadata: Record<string, string>;
    } & Idempotent,
  ): Promise<string> {
    return stripeCall(async () => {
      const created = await this.stripe.accounts.create(
        {
          type: 'express',
          ...(account.email ? { email: account.email } : {}),
          ...(account.country ? { country: account.country } : {}),
          business_profile: { name: account.businessName },
          capabilities: { transfers: { requested: true } },
          metadata: account.metadata,
        },
        { idempotencyKey: account.idempotencyKey },
      );
      return created.id;
    });
  }

  getConnectedAccount(accountId: string): Promise<ConnectedAccountState> {
    return stripeCall(async () => {
      const account = await this.stripe.accounts.retrieve(accountId);
      return {
        id: account.id,
        chargesEnabled: account.charges_enabled ?? false,
        payoutsEnabled: account.payouts_enabled ?? false,
        detailsSubmitted: account.details_submitted ?? false,
        transfersEnabled: account.capabilities?.transfers === 'active',
      };
    });
  }

  createOnboardingLink(accountId: string, urls: { refreshUrl: string; returnUrl: string }): Promise<string> {
    return stripeCall(async () => {
      const link = await this.stripe.accountLinks.create({
        account: accountId,
        refresh_url: urls.refreshUrl,
        return_url: urls.returnUrl,
        type: 'account_onboarding',
      });
      return link.url;
    });
  }

  createTransfer(
    transfer: {
      destination: string;
      amountMinor: number;
      currency: string;
      sourceChargeId?: string;
      group: string;
      metadata: Record<string, string>;
    } & Idempotent,
  ): Promise<string> {
    return stripeCall(async () => {
      const created = await this.stripe.transfers.create(
        {
          amount: transfer.amountMinor,
          currency: transfer.currency.toLowerCase(),
          destination: transfer.destination,
          transfer_group: transfer.group,
          ...(transfer.sourceChargeId ? { source_transaction: transfer.sourceChargeId } : {}),
          metadata: transfer.metadata,
        },
        { idempotencyKey: transfer.idempotencyKey },
      );
      return created.id;
    });
  }

  private ownerOf(method: Stripe.PaymentMethod): string | undefined {
    const customer = method.customer;
    return typeof customer === 'string' ? customer : (customer?.id ?? undefined);
  }

  private async defaultMethodOf(customerId: string): Promise<string | undefined> {
    const customer = await this.stripe.customers.retrieve(customerId);
    if (customer.deleted) throw new ProviderNotFound(`Customer ${customerId} was deleted`);
    const method = customer.invoice_settings?.default_payment_method;
    return typeof method === 'string' ? method : (method?.id ?? undefined);
  }

  /** Every line of an invoice: the first page came with it; a longer one is read again, page by page. */
  private async linesOf(invoice: Stripe.Invoice): Promise<Stripe.InvoiceLineItem[]> {
    if (!invoice.lines?.has_more) return invoice.lines?.data ?? [];
    const lines: Stripe.InvoiceLineItem[] = [];
    let page: Stripe.ApiList<Stripe.InvoiceLineItem>;
    do {
      const after = lines.at(-1)?.id;
      page = await this.stripe.invoices.listLineItems(invoice.id, {
        limit: LINES_PER_PAGE,
        ...(after ? { starting_after: after } : {}),
      });
      lines.push(...page.data);
    } while (page.has_more && page.data.length);
    return lines;
  }
}
