import {
  APP_CONFIG,
  AppConfig,
  SecretCipher,
  TenantId,
  checkServiceUrls,
  sealClientCredentials,
} from '@csms/common';
import { ConnectedServiceSettingsService, ConnectionProviders } from '@csms/connections';
import { Inject, Injectable } from '@nestjs/common';
import { CONCUR_CONNECTION } from '../concur/concur-connection';
import { RefundSettings, RefundSettingsChanges, incompleteRefundSettings } from './refund-settings';
import { RefundSettingsRepository } from './refund-settings.repository';

/** Refunds are off in the tenant, or cannot run: the message says why. */
export class RefundsNotConfiguredError extends Error {}

/** A tenant's settings that can run: every field refunds need is there. */
export type UsableRefundSettings = RefundSettings &
  Required<Pick<RefundSettings, 'authenticationUrl' | 'apiUrl' | 'expenseTypeCode' | 'paymentTypeId'>>;

/** The tenant's Concur settings, and where Concur's OAuth2 server is (ConnectionProviders). */
@Injectable()
export class RefundSettingsService extends ConnectedServiceSettingsService<
  RefundSettings,
  UsableRefundSettings
> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    settings: RefundSettingsRepository,
    cipher: SecretCipher,
    providers: ConnectionProviders,
  ) {
    super(settings, cipher, providers, {
      connection: CONCUR_CONNECTION,
      notConfigured: RefundsNotConfiguredError,
      notEnabled: 'Refunds are not enabled in this tenant',
      cannotRun: 'Refunds cannot run',
      cannotEnable: 'Refunds cannot be enabled',
    });
  }

  update(tenantId: TenantId, changes: RefundSettingsChanges): Promise<RefundSettings> {
    checkServiceUrls(
      { authenticationUrl: changes.authenticationUrl, apiUrl: changes.apiUrl },
      this.config.NODE_ENV === 'production',
    );
    return this.save(tenantId, () => ({
      enabled: changes.enabled,
      ...sealClientCredentials(this.cipher, changes),
      authenticationUrl: changes.authenticationUrl?.replace(/\/+$/, ''),
      apiUrl: changes.apiUrl?.replace(/\/+$/, ''),
      scope: changes.scope,
      expenseTypeCode: changes.expenseTypeCode,
      paymentTypeId: changes.paymentTypeId,
      policyId: changes.policyId,
      reportName: changes.reportName,
    }));
  }

  protected incomplete(settings: RefundSettings): string | null {
    return incompleteRefundSettings(settings);
  }

  protected endpoints(settings: UsableRefundSettings): { authorizeUrl: string; tokenUrl: string } {
    return {
      authorizeUrl: `${settings.authenticationUrl}/oauth2/v0/authorize`,
      tokenUrl: `${settings.authenticationUrl}/oauth2/v0/token`,
    };
  }
}
