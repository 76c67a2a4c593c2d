/**
 * The billing port: what the billing domain asks of a payment provider, in the domain's words. The
 * Stripe adapter (../stripe) implements it with the official SDK; nothing outside that folder knows
 * Stripe. Money is in minor units (cents) with an ISO 4217 currency in capitals.
 */

/** A payment card (or other method) of a customer, as the driver is shown it. */
export interface ProviderPaymentMethod {
  id: string;
  type: string;
  brand?: string;
  last4?: string;
  expMonth?: number;
  expYear?: number;
  isDefault: boolean;
}

export type ProviderInvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

export interface ProviderInvoiceLine {
  id: string;
  amountMinor: number;
  description?: string;
  /** What we put on the invoice item: tenantId, transactionId, dimension. */
  metadata: Record<string, string>;
}

export interface ProviderInvoice {
  id: string;
  customerId?: string;
  number?: string;
  status: ProviderInvoiceStatus;
  currency: string;
  totalMinor: number;
  amountPaidMinor: number;
  attemptCount: number;
  createdAt: Date;
  paidAt?: Date;
  pdfUrl?: string;
  hostedUrl?: string;
  /** The charge that paid it, when the provider tells (Connect transfers follow its funds). */
  chargeId?: string;
  lines: ProviderInvoiceLine[];
  metadata: Record<string, string>;
}

/** A payment attempt: the invoice as it is after it, and why it failed when it did. */
export interface PaymentAttempt {
  invoice: ProviderInvoice;
  paid: boolean;
  failure?: string;
}

export interface ConnectedAccountState {
  id: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  /** The account may receive transfers (its transfers capability is active). */
  transfersEnabled: boolean;
}

/** A webhook event, verified and reduced to what billing reacts to. */
export interface ProviderEvent {
  id: string;
  type: string;
  createdAt: Date;
  /** The id of the object the event is about (invoice, payment method, setup intent, customer). */
  objectId?: string;
  customerId?: string;
  /** payment_method.detached: the customer it was detached from. */
  previousCustomerId?: string;
  paymentMethodId?: string;
  invoiceStatus?: ProviderInvoiceStatus;
}

/** Every write takes an idempotency key: a retry of the same step is the same request to the provider. */
export interface Idempotent {
  idempotencyKey: string;
}

/** The provider refused a request for good (a declined card, an invalid parameter): retrying cannot help. */
export class ProviderRefusal extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ProviderRefusal';
  }
}

/** The object named does not exist at the provider (deleted, or another account's). */
export class ProviderNotFound extends ProviderRefusal {
  constructor(message: string) {
    super(message, 'resource_missing');
    this.name = 'ProviderNotFound';
  }
}

/** A webhook whose signature does not verify. */
export class WebhookSignatureError extends Error {}

/** One tenant's account at the provider (its secret key). */
export abstract class BillingGateway {
  abstract createCustomer(
    customer: {
      email: string;
      name?: string;
      locale?: string;
      metadata: Record<string, string>;
    } & Idempotent,
  ): Promise<string>;
  abstract updateCustomer(
    customerId: string,
    changes: { email?: string; name?: string; locale?: string },
  ): Promise<void>;
  /** False when the customer was deleted at the provider or never existed there. */
  abstract customerExists(customerId: string): Promise<boolean>;

  /** A SetupIntent for the customer: its client secret lets the frontend collect a card. */
  abstract createSetupIntent(
    customerId: string,
    metadata: Record<string, string>,
  ): Promise<{ id: string; clientSecret: string }>;
  /** Attaches the method to the customer (a no-op when it is already there) and makes it the default. */
  abstract attachPaymentMethod(customerId: string, paymentMethodId: string): Promise<void>;
  /** The customer's cards, the default one marked. */
  abstract listPaymentMethods(customerId: string): Promise<ProviderPaymentMethod[]>;
  /** Detaches a method of this customer; ProviderNotFound when it is not theirs. */
  abstract detachPaymentMethod(customerId: string, paymentMethodId: string): Promise<void>;

  abstract createTaxRate(rate: { percentage: number; displayName: string } & Idempotent): Promise<string>;
  /** A pending item of the customer's next invoice. */
  abstract createInvoiceItem(
    item: {
      customerId: string;
      currency: string;
      amountMinor: number;
      description: string;
      taxRateIds: string[];
      metadata: Record<string, string>;
    } & Idempotent,
  ): Promise<string>;
  /** An invoice of all the customer's pending items. */
  abstract createInvoice(
    invoice: { customerId: string; description: string; metadata: Record<string, string> } & Idempotent,
  ): Promise<ProviderInvoice>;
  /** Charges the customer's default method; a decline is an answer (paid: false), not an error. */
  abstract payInvoice(invoiceId: string, request: Idempotent): Promise<PaymentAttempt>;
  abstract getInvoice(invoiceId: string): Promise<ProviderInvoice>;

  /** Stripe Connect: an account of a company or site the platform pays out to. */
  abstract createConnectedAccount(
    account: {
      email?: string;
      country?: string;
      businessName: string;
      metadata: Record<string, string>;
    } & Idempotent,
  ): Promise<string>;
  abstract getConnectedAccount(accountId: string): Promise<ConnectedAccountState>;
  /** A link where the account holder completes their details; it expires within minutes. */
  abstract createOnboardingLink(
    accountId: string,
    urls: { refreshUrl: string; returnUrl: string },
  ): Promise<string>;
  abstract createTransfer(
    transfer: {
      destination: string;
      amountMinor: number;
      currency: string;
      sourceChargeId?: string;
      group: string;
      metadata: Record<string, string>;
    } & Idempotent,
  ): Promise<string>;
}

/** A payment provider: the gateway of an account, and what is true of its keys and webhooks. */
export abstract class BillingProvider {
  abstract readonly name: string;
  abstract gateway(secretKey: string): BillingGateway;
  /** Whether a secret key is one this provider issues (format only). */
  abstract isSecretKey(secretKey: string): boolean;
  abstract isPublicKey(publicKey: string): boolean;
  /** Live keys move real money: refused outside production. */
  abstract isLiveKey(key: string): boolean;
  /** Throws WebhookSignatureError unless `payload` was signed with `secret`. */
  abstract verifyWebhook(payload: Buffer, signature: string | undefined, secret: string): ProviderEvent;
}
