import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  ReadThroughCache,
  SecretCipher,
  TenantId,
  definedOnly,
} from '@csms/common';
import { PricingSettingsService, isCurrencyCode } from '@csms/pricing';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { BillingGateway, BillingProvider } from '../provider/billing-provider.port';
import { BillingSettings, BillingSettingsChanges, incompleteSettings } from './billing-settings';
import { BillingSettingsRepository } from './billing-settings.repository';

/** Read at every Authorize and StartTransaction of a tenant: kept a few seconds. */
const SETTINGS_TTL_MS = 5_000;

/** Billing is off in the tenant, or cannot run: the reason says which. */
export class BillingNotConfiguredError extends Error {}

/**
 * A tenant's way into its provider account: the gateway, the settings, and a fingerprint of the key,
 * so that ids stored under another key (another Stripe account, maybe) are checked before use.
 */
export interface BillingAccess {
  gateway: BillingGateway;
  settings: BillingSettings;
  account: string;
}

/** A short digest of a secret key: tells keys apart without keeping them. */
export function accountFingerprint(secretKey: string): string {
  return createHash('sha256').update(secretKey).digest('hex').slice(0, 16);
}

function last4(secret: string): string {
  return secret.slice(-4);
}

@Injectable()
export class BillingSettingsService {
  private readonly cache = new ReadThroughCache<BillingSettings>(SETTINGS_TTL_MS);
  private readonly changeListeners: ((tenantId: TenantId) => Promise<void>)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: BillingSettingsRepository,
    private readonly cipher: SecretCipher,
    private readonly provider: BillingProvider,
    private readonly pricing: PricingSettingsService,
  ) {}

  get(tenantId: TenantId): Promise<BillingSettings> {
    return this.cache.get(tenantId, () => this.settings.get(tenantId));
  }

  /** The tenant's account at the provider; throws BillingNotConfiguredError when billing cannot run. */
  async gateway(tenantId: TenantId): Promise<BillingAccess> {
    const settings = await this.get(tenantId);
    if (!settings.enabled) throw new BillingNotConfiguredError('Billing is disabled in this tenant');
    const missing = incompleteSettings(settings);
    if (missing) throw new BillingNotConfiguredError(`Billing cannot run: ${missing}`);
    const secretKey = this.cipher.decrypt(settings.secretKeySealed!);
    return { gateway: this.provider.gateway(secretKey), settings, account: accountFingerprint(secretKey) };
  }

  /** The secrets webhooks may be signed with: the platform endpoint's, then the Connect endpoint's. */
  async webhookSecrets(tenantId: TenantId): Promise<string[]> {
    const settings = await this.get(tenantId);
    return [settings.webhookSecretSealed, settings.connectWebhookSecretSealed]
      .filter((sealed): sealed is string => !!sealed)
      .map((sealed) => this.cipher.decrypt(sealed));
  }

  /**
   * Validates and stores a change. Secrets are sealed; live keys are refused outside production; the
   * currency is the pricing currency (taken from it when not given); enabling needs a secret key and a
   * tax rate.
   */
  async update(tenantId: TenantId, changes: BillingSettingsChanges): Promise<void> {
    const current = await this.settings.get(tenantId);
    this.checkKeys(changes);
    const pricingCurrency = (await this.pricing.get(tenantId)).defaultCurrency;
    const currency = changes.currency ?? current.currency ?? pricingCurrency;
    if (!isCurrencyCode(currency)) {
      throw new BadInputError(`${currency} is not an ISO 4217 currency code`, { field: 'currency' });
    }
    if (currency !== pricingCurrency) {
      throw new BadInputError(
        `The billing currency must be the pricing currency (${pricingCurrency}), not ${currency}`,
        { field: 'currency' },
      );
    }
    const next: Partial<BillingSettings> = {
      enabled: changes.enabled,
      ...(changes.enabled && !current.enabled ? { enabledAt: new Date() } : {}),
      currency,
      ...(changes.secretKey
        ? {
            secretKeySealed: this.cipher.encrypt(changes.secretKey),
            secretKeyLast4: last4(changes.secretKey),
          }
        : {}),
      ...(changes.webhookSecret
        ? {
            webhookSecretSealed: this.cipher.encrypt(changes.webhookSecret),
            webhookSecretLast4: last4(changes.webhookSecret),
          }
        : {}),
      ...(changes.connectWebhookSecret
        ? {
            connectWebhookSecretSealed: this.cipher.encrypt(changes.connectWebhookSecret),
            connectWebhookSecretLast4: last4(changes.connectWebhookSecret),
          }
        : {}),
      publicKey: changes.publicKey,
      immediateBilling: changes.immediateBilling,
      taxRatePercent: changes.taxRatePercent,
      freeSessionMaxSeconds: changes.freeSessionMaxSeconds,
      freeSessionMaxWh: changes.freeSessionMaxWh,
      platformFeeFlat: changes.platformFeeFlat,
      platformFeePercent: changes.platformFeePercent,
    };
    if (changes.enabled) {
      const missing = incompleteSettings({ ...current, ...definedOnly(next) });
      if (missing) throw new BadInputError(`Billing cannot be enabled: ${missing}`, { field: 'enabled' });
    }
    await this.settings.update(tenantId, next);
    this.cache.forget(tenantId);
    for (const listener of this.changeListeners) await listener(tenantId);
  }

  /** Called after every change of a tenant's settings (the billing run is rescheduled). */
  onChange(listener: (tenantId: TenantId) => Promise<void>): void {
    this.changeListeners.push(listener);
  }

  private checkKeys(changes: BillingSettingsChanges): void {
    const production = this.config.NODE_ENV === 'production';
    const keys: [keyof BillingSettingsChanges, string | undefined, (key: string) => boolean][] = [
      ['secretKey', changes.secretKey, (key) => this.provider.isSecretKey(key)],
      ['publicKey', changes.publicKey, (key) => this.provider.isPublicKey(key)],
    ];
    for (const [field, key, valid] of keys) {
      if (key === undefined) continue;
      if (!valid(key)) throw new BadInputError(`${field} is not a ${this.provider.name} key`, { field });
      if (this.provider.isLiveKey(key) && !production) {
        throw new BadInputError(
          `Live keys are refused outside production (NODE_ENV=production); use a test key`,
          {
            field,
          },
        );
      }
    }
    if (
      changes.secretKey &&
      changes.publicKey &&
      this.provider.isLiveKey(changes.secretKey) !== this.provider.isLiveKey(changes.publicKey)
    ) {
      throw new BadInputError('The secret and public keys must both be test keys or both live keys', {
        field: 'publicKey',
      });
    }
    for (const field of ['webhookSecret', 'connectWebhookSecret'] as const) {
      const secret = changes[field];
      if (secret !== undefined && !/^whsec_[A-Za-z0-9]{8,}$/.test(secret)) {
        throw new BadInputError(`${field} is a signing secret starting with whsec_`, { field });
      }
    }
  }
}
