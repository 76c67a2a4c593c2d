import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  ReadThroughCache,
  SecretCipher,
  TenantId,
  checkServiceUrls,
  sealClientCredentials,
} from '@csms/common';
import { ConnectionProviders, OAuth2Provider } from '@csms/connections';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CONCUR_CONNECTION } from '../concur/concur-connection';
import { RefundSettings, RefundSettingsChanges, incompleteRefundSettings } from './refund-settings';
import { RefundSettingsRepository } from './refund-settings.repository';

const SETTINGS_TTL_MS = 5_000;

/** Refunds are off in the tenant, or cannot run: the message says why. */
export class RefundsNotConfiguredError extends Error {}

/** A tenant's settings that can run: every field refunds need is there. */
export type UsableRefundSettings = RefundSettings &
  Required<Pick<RefundSettings, 'authenticationUrl' | 'apiUrl' | 'expenseTypeCode' | 'paymentTypeId'>>;

@Injectable()
export class RefundSettingsService implements OnModuleInit {
  private readonly cache = new ReadThroughCache<RefundSettings>(SETTINGS_TTL_MS);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: RefundSettingsRepository,
    private readonly cipher: SecretCipher,
    private readonly providers: ConnectionProviders,
  ) {}

  onModuleInit(): void {
    this.providers.register(CONCUR_CONNECTION, (tenantId) => this.oauth2Provider(tenantId));
  }

  get(tenantId: TenantId): Promise<RefundSettings> {
    return this.cache.get(tenantId, () => this.settings.get(tenantId));
  }

  /** The settings, when refunds are on and complete; RefundsNotConfiguredError otherwise. */
  async usable(tenantId: TenantId): Promise<UsableRefundSettings> {
    const settings = await this.get(tenantId);
    if (!settings.enabled) throw new RefundsNotConfiguredError('Refunds are not enabled in this tenant');
    const missing = incompleteRefundSettings(settings);
    if (missing) throw new RefundsNotConfiguredError(`Refunds cannot run: ${missing}`);
    return settings as UsableRefundSettings;
  }

  async update(tenantId: TenantId, changes: RefundSettingsChanges): Promise<RefundSettings> {
    checkServiceUrls(
      { authenticationUrl: changes.authenticationUrl, apiUrl: changes.apiUrl },
      this.config.NODE_ENV === 'production',
    );
    const current = await this.settings.get(tenantId);
    const next: Partial<RefundSettings> = {
      enabled: changes.enabled,
      ...sealClientCredentials(this.cipher, changes),
      authenticationUrl: changes.authenticationUrl?.replace(/\/+$/, ''),
      apiUrl: changes.apiUrl?.replace(/\/+$/, ''),
      scope: changes.scope,
      expenseTypeCode: changes.expenseTypeCode,
      paymentTypeId: changes.paymentTypeId,
      policyId: changes.policyId,
      reportName: changes.reportName,
    };
    if (changes.enabled) {
      const merged = {
        ...current,
        ...Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)),
      };
      const missing = incompleteRefundSettings(merged);
      if (missing) throw new BadInputError(`Refunds cannot be enabled: ${missing}`, { field: 'enabled' });
    }
    const stored = await this.settings.update(tenantId, next);
    this.cache.forget(tenantId);
    return stored;
  }

  /** The clear client id, shown to admins (it is not a secret, but it is kept sealed like one). */
  clientIdOf(settings: RefundSettings): string | undefined {
    return settings.clientIdSealed ? this.cipher.decrypt(settings.clientIdSealed) : undefined;
  }

  private async oauth2Provider(tenantId: TenantId): Promise<OAuth2Provider> {
    const settings = await this.usable(tenantId);
    return {
      authorizeUrl: `${settings.authenticationUrl}/oauth2/v0/authorize`,
      tokenUrl: `${settings.authenticationUrl}/oauth2/v0/token`,
      clientId: this.cipher.decrypt(settings.clientIdSealed!),
      clientSecret: this.cipher.decrypt(settings.clientSecretSealed!),
      scope: settings.scope,
    };
  }
}
