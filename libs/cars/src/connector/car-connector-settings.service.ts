import {
  APP_CONFIG,
  AppConfig,
  SecretCipher,
  TenantId,
  checkServiceUrls,
  sealClientCredentials,
  setFieldsOnly,
} from '@csms/common';
import { ConnectedServiceSettingsService, ConnectionProviders } from '@csms/connections';
import { Inject, Injectable } from '@nestjs/common';
import {
  CarConnectorSettings,
  CarConnectorSettingsChanges,
  incompleteCarConnectorSettings,
} from './car-connector-settings';
import { CarConnectorSettingsRepository } from './car-connector-settings.repository';
import { CAR_DATA_CONNECTION } from './car-data-connection';

const URL_FIELDS = ['authorizeUrl', 'tokenUrl', 'vehiclesUrl', 'readingUrl'] as const;

/** The connector is off in the tenant, or cannot run: the message says why. */
export class CarConnectorNotConfiguredError extends Error {}

/** A tenant's settings that can run: every field the connector needs is there. */
export type UsableCarConnectorSettings = CarConnectorSettings &
  Required<Pick<CarConnectorSettings, 'tokenUrl' | 'vehiclesUrl' | 'readingUrl'>>;

/** The tenant's car-data connector: its settings, and where its OAuth2 server is (ConnectionProviders). */
@Injectable()
export class CarConnectorSettingsService extends ConnectedServiceSettingsService<
  CarConnectorSettings,
  UsableCarConnectorSettings
> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    settings: CarConnectorSettingsRepository,
    cipher: SecretCipher,
    providers: ConnectionProviders,
  ) {
    super(settings, cipher, providers, {
      connection: CAR_DATA_CONNECTION,
      notConfigured: CarConnectorNotConfiguredError,
      notEnabled: 'No car-data connector is enabled in this tenant',
      cannotRun: 'The car-data connector cannot run',
      cannotEnable: 'The car-data connector cannot be enabled',
    });
  }

  update(tenantId: TenantId, changes: CarConnectorSettingsChanges): Promise<CarConnectorSettings> {
    // The templates' placeholders are not valid in a URL's host: checked with them filled in.
    const filled = (url?: string) => url?.replace(/\{(vehicleId|vin)\}/g, 'x');
    checkServiceUrls(
      Object.fromEntries(URL_FIELDS.map((field) => [field, filled(changes[field])])),
      this.config.NODE_ENV === 'production',
    );
    return this.save(tenantId, (stored) => ({
      enabled: changes.enabled,
      name: changes.name,
      grantType: changes.grantType,
      ...sealClientCredentials(this.cipher, changes),
      authorizeUrl: changes.authorizeUrl,
      tokenUrl: changes.tokenUrl,
      scope: changes.scope,
      vehiclesUrl: changes.vehiclesUrl,
      readingUrl: changes.readingUrl,
      mapping: changes.mapping ? { ...stored.mapping, ...setFieldsOnly(changes.mapping) } : undefined,
    }));
  }

  protected incomplete(settings: CarConnectorSettings): string | null {
    return incompleteCarConnectorSettings(settings);
  }

  protected endpoints(settings: UsableCarConnectorSettings): { authorizeUrl: string; tokenUrl: string } {
    return { authorizeUrl: settings.authorizeUrl ?? settings.tokenUrl, tokenUrl: settings.tokenUrl };
  }
}
