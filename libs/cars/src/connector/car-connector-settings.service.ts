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
import {
  CarConnectorSettings,
  CarConnectorSettingsChanges,
  incompleteCarConnectorSettings,
} from './car-connector-settings';
import { CarConnectorSettingsRepository } from './car-connector-settings.repository';
import { CAR_DATA_CONNECTION } from './car-data-connection';

const SETTINGS_TTL_MS = 5_000;
const URL_FIELDS = ['authorizeUrl', 'tokenUrl', 'vehiclesUrl', 'readingUrl'] as const;

/** The connector is off in the tenant, or cannot run: the message says why. */
export class CarConnectorNotConfiguredError extends Error {}

/** A tenant's settings that can run: every field the connector needs is there. */
export type UsableCarConnectorSettings = CarConnectorSettings &
  Required<Pick<CarConnectorSettings, 'tokenUrl' | 'vehiclesUrl' | 'readingUrl'>>;

/** The tenant's car-data connector: its settings, and where its OAuth2 server is (ConnectionProviders). */
@Injectable()
export class CarConnectorSettingsService implements OnModuleInit {
  private readonly cache = new ReadThroughCache<CarConnectorSettings>(SETTINGS_TTL_MS);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: CarConnectorSettingsRepository,
    private readonly cipher: SecretCipher,
    private readonly providers: ConnectionProviders,
  ) {}

  onModuleInit(): void {
    this.providers.register(CAR_DATA_CONNECTION, (tenantId) => this.oauth2Provider(tenantId));
  }

  get(tenantId: TenantId): Promise<CarConnectorSettings> {
    return this.cache.get(tenantId, () => this.settings.get(tenantId));
  }

  /** The settings, when the connector is on and complete; CarConnectorNotConfiguredError otherwise. */
  async usable(tenantId: TenantId): Promise<UsableCarConnectorSettings> {
    const settings = await this.get(tenantId);
    if (!settings.enabled)
      throw new CarConnectorNotConfiguredError('No car-data connector is enabled in this tenant');
    const missing = incompleteCarConnectorSettings(settings);
    if (missing) throw new CarConnectorNotConfiguredError(`The car-data connector cannot run: ${missing}`);
    return settings as UsableCarConnectorSettings;
  }

  async update(tenantId: TenantId, changes: CarConnectorSettingsChanges): Promise<CarConnectorSettings> {
    // The templates' placeholders are not valid in a URL's host: checked with them filled in.
    const filled = (url?: string) => url?.replace(/\{(vehicleId|vin)\}/g, 'x');
    checkServiceUrls(
      Object.fromEntries(URL_FIELDS.map((field) => [field, filled(changes[field])])),
      this.config.NODE_ENV === 'production',
    );
    const current = await this.settings.get(tenantId);
    const next: Partial<CarConnectorSettings> = {
      enabled: changes.enabled,
      name: changes.name,
      grantType: changes.grantType,
      ...sealClientCredentials(this.cipher, changes),
      authorizeUrl: changes.authorizeUrl,
      tokenUrl: changes.tokenUrl,
      scope: changes.scope,
      vehiclesUrl: changes.vehiclesUrl,
      readingUrl: changes.readingUrl,
      mapping: changes.mapping ? { ...current.mapping, ...definedOnly(changes.mapping) } : undefined,
    };
    if (changes.enabled) {
      const missing = incompleteCarConnectorSettings({ ...current, ...definedOnly(next) });
      if (missing)
        throw new BadInputError(`The car-data connector cannot be enabled: ${missing}`, { field: 'enabled' });
    }
    const stored = await this.settings.update(tenantId, next);
    this.cache.forget(tenantId);
    return stored;
  }

  /** The clear client id, shown to admins (not a secret, but kept sealed like one). */
  clientIdOf(settings: CarConnectorSettings): string | undefined {
    return settings.clientIdSealed ? this.cipher.decrypt(settings.clientIdSealed) : undefined;
  }

  private async oauth2Provider(tenantId: TenantId): Promise<OAuth2Provider> {
    const settings = await this.usable(tenantId);
    return {
      authorizeUrl: settings.authorizeUrl ?? settings.tokenUrl,
      tokenUrl: settings.tokenUrl,
      clientId: this.cipher.decrypt(settings.clientIdSealed!),
      clientSecret: this.cipher.decrypt(settings.clientSecretSealed!),
      scope: settings.scope,
    };
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined && field !== null),
  ) as Partial<T>;
}
