import { ReadThroughCache, TenantId } from '@csms/common';
import { UserService } from '@csms/users';
import { Injectable, Logger } from '@nestjs/common';
import { ProviderNotFound, ProviderPaymentMethod } from '../provider/billing-provider.port';
import { BillingAccess, BillingSettingsService } from '../settings/billing-settings.service';
import { BillingAccount } from './billing-account';
import { BillingAccountRepository } from './billing-account.repository';

/** Read at every Authorize and StartTransaction of a billing tenant: kept a few seconds. */
const ACCOUNT_TTL_MS = 5_000;

/** The card a frontend is to collect, through Stripe.js with the tenant's public key. */
export interface PaymentMethodSetup {
  setupIntentId: string;
  clientSecret: string;
  publicKey?: string;
}

/**
 * Users and their cards at the provider. A customer is created the first time it is needed (a card
 * to add, a session to bill) and again when the provider lost it; the cards are kept here after every
 * change so that the checks on the charging path read nothing but the database.
 */
@Injectable()
export class BillingAccountService {
  private readonly logger = new Logger(BillingAccountService.name);
  private readonly cache = new ReadThroughCache<BillingAccount>(ACCOUNT_TTL_MS);
  /** One customer creation at a time per user on this instance (idempotency keys cover the cluster). */
  private readonly creating = new Map<string, Promise<string>>();

  constructor(
    private readonly accounts: BillingAccountRepository,
    private readonly settings: BillingSettingsService,
    private readonly users: UserService,
  ) {}

  /** The user's account, from a short cache (the charging path). */
  account(tenantId: TenantId, userId: string): Promise<BillingAccount> {
    return this.cache.get(`${tenantId}\u0000${userId}`, () => this.accounts.ofUser(tenantId, userId));
  }

  /** The user's customer at the provider, created (or created again) when needed. */
  async ensureCustomer(tenantId: TenantId, userId: string, access: BillingAccess): Promise<string> {
    const key = `${tenantId}\u0000${userId}`;
    const running = this.creating.get(key);
    if (running) return running;
    const creation = this.customerOf(tenantId, userId, access).finally(() => this.creating.delete(key));
    this.creating.set(key, creation);
    return creation;
  }

  async setupPaymentMethod(tenantId: TenantId, userId: string): Promise<PaymentMethodSetup> {
    const access = await this.settings.gateway(tenantId);
    const customerId = await this.ensureCustomer(tenantId, userId, access);
    const intent = await access.gateway.createSetupIntent(customerId, { tenantId, userId });
    return {
      setupIntentId: intent.id,
      clientSecret: intent.clientSecret,
      publicKey: access.settings.publicKey,
    };
  }

  /** Attaches a card the frontend collected and makes it the default; resolves with it. */
  async attachPaymentMethod(
    tenantId: TenantId,
    userId: string,
    paymentMethodId: string,
  ): Promise<ProviderPaymentMethod> {
    const access = await this.settings.gateway(tenantId);
    const customerId = await this.ensureCustomer(tenantId, userId, access);
    await access.gateway.attachPaymentMethod(customerId, paymentMethodId);
    const methods = await this.refresh(tenantId, userId, customerId, access);
    const attached = methods.find((method) => method.id === paymentMethodId);
    if (!attached) throw new ProviderNotFound(`Payment method ${paymentMethodId} is not attached`);
    return attached;
  }

  /** The user's cards as the provider has them (the kept copy when the provider cannot be reached). */
  async paymentMethods(tenantId: TenantId, userId: string): Promise<ProviderPaymentMethod[]> {
    const account = await this.accounts.ofUser(tenantId, userId);
    if (!account.customerId) return [];
    try {
      return await this.refresh(tenantId, userId, account.customerId, await this.settings.gateway(tenantId));
    } catch (error) {
      this.logger.warn({ err: error, tenantId, userId }, 'Payment methods read from the kept copy');
      return account.paymentMethods;
    }
  }

  async deletePaymentMethod(tenantId: TenantId, userId: string, paymentMethodId: string): Promise<void> {
    const account = await this.accounts.ofUser(tenantId, userId);
    if (!account.customerId) throw new ProviderNotFound(`Payment method ${paymentMethodId} not found`);
    const access = await this.settings.gateway(tenantId);
    await access.gateway.detachPaymentMethod(account.customerId, paymentMethodId);
    await this.refresh(tenantId, userId, account.customerId, access);
  }

  /** Customer there (created again if the provider lost it), details and cards up to date. */
  async synchronize(tenantId: TenantId, userId: string): Promise<BillingAccount> {
    const access = await this.settings.gateway(tenantId);
    const user = await this.users.get(tenantId, userId);
    const customerId = await this.ensureCustomer(tenantId, userId, access);
    await access.gateway.updateCustomer(customerId, {
      email: user.email,
      name: nameOf(user),
      locale: user.locale,
    });
    await this.refresh(tenantId, userId, customerId, access);
    return this.accounts.ofUser(tenantId, userId);
  }

  /** Every user with a customer synchronized, one after the other; resolves with how many. */
  async synchronizeAll(tenantId: TenantId): Promise<number> {
    const accounts = await this.accounts.withCustomer(tenantId);
    for (const account of accounts) await this.synchronize(tenantId, account.userId);
    return accounts.length;
  }

  /** The cards of the user holding `customerId` read again from the provider (webhooks). */
  async refreshCustomer(tenantId: TenantId, customerId: string): Promise<void> {
    const account = await this.accounts.findByCustomer(tenantId, customerId);
    if (!account) return;
    await this.refresh(tenantId, account.userId, customerId, await this.settings.gateway(tenantId));
  }

  /** A card collected through a SetupIntent (webhook): made the default when the user has none. */
  async cardCollected(tenantId: TenantId, customerId: string, paymentMethodId: string): Promise<void> {
    const account = await this.accounts.findByCustomer(tenantId, customerId);
    if (!account) return;
    const access = await this.settings.gateway(tenantId);
    const methods = await access.gateway.listPaymentMethods(customerId);
    if (!methods.some((method) => method.isDefault)) {
      await access.gateway.attachPaymentMethod(customerId, paymentMethodId);
    }
    await this.refresh(tenantId, account.userId, customerId, access);
  }

  /** The provider deleted the customer: forgotten, with its cards; the next need creates a new one. */
  async customerDeleted(tenantId: TenantId, customerId: string): Promise<void> {
    const account = await this.accounts.forgetCustomer(tenantId, customerId);
    if (account) this.forget(tenantId, account.userId);
  }

  async setFreeAccess(tenantId: TenantId, userId: string, freeAccess: boolean): Promise<BillingAccount> {
    await this.users.get(tenantId, userId);
    await this.accounts.setFreeAccess(tenantId, userId, freeAccess);
    this.forget(tenantId, userId);
    return this.accounts.ofUser(tenantId, userId);
  }

  private async customerOf(tenantId: TenantId, userId: string, access: BillingAccess): Promise<string> {
    const account = await this.accounts.ofUser(tenantId, userId);
    if (account.customerId) {
      if (account.providerAccount === access.account) return account.customerId;
      // Another key: the same account (a rotated key) keeps its customer; another account needs one.
      if (await access.gateway.customerExists(account.customerId)) {
        await this.accounts.setCustomer(tenantId, userId, account.customerId, access.account);
        return account.customerId;
      }
    }
    const user = await this.users.get(tenantId, userId);
    const customerId = await access.gateway.createCustomer({
      email: user.email,
      name: nameOf(user),
      locale: user.locale,
      metadata: { tenantId, userId },
      idempotencyKey: `${tenantId}:customer:${userId}:${access.account}:${account.customerGeneration}`,
    });
    await this.accounts.setCustomer(tenantId, userId, customerId, access.account);
    this.forget(tenantId, userId);
    return customerId;
  }

  private async refresh(
    tenantId: TenantId,
    userId: string,
    customerId: string,
    access: BillingAccess,
  ): Promise<ProviderPaymentMethod[]> {
    const methods = await access.gateway.listPaymentMethods(customerId);
    await this.accounts.setPaymentMethods(tenantId, userId, methods);
    this.forget(tenantId, userId);
    return methods;
  }

  private forget(tenantId: TenantId, userId: string): void {
    this.cache.forget(`${tenantId}\u0000${userId}`);
  }
}

function nameOf(user: { firstName?: string; lastName?: string }): string | undefined {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return name || undefined;
}
