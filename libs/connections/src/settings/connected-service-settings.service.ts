import {
  BadInputError,
  ReadThroughCache,
  SealedClientCredentials,
  SecretCipher,
  TenantId,
  setFieldsOnly,
} from '@csms/common';
import { OnModuleInit } from '@nestjs/common';
import { ConnectionProviders } from '../connection-providers';
import { OAuth2Provider } from '../oauth2/oauth2-provider';

const SETTINGS_TTL_MS = 5_000;

/** What a tenant's settings of an outside service reached over OAuth2 hold beside their own fields. */
export interface ConnectedServiceSettings extends SealedClientCredentials {
  enabled: boolean;
  scope?: string;
}

/** Where the settings are kept (a TenantSettingsRepository: it keeps the stored value of a field left undefined or null). */
export interface ConnectedServiceSettingsStore<S> {
  get(tenantId: TenantId): Promise<S>;
  update(tenantId: TenantId, changes: Partial<S>): Promise<S>;
}

/** How a service names itself to the people who set it up, and the connection kind its users connect with. */
export interface ConnectedService {
  connection: string;
  /** Thrown at use when the service is off or incomplete. */
  notConfigured: new (message: string) => Error;
  /** "Refunds are not enabled in this tenant". */
  notEnabled: string;
  /** "Refunds cannot run", followed by what is missing. */
  cannotRun: string;
  /** "Refunds cannot be enabled", followed by what is missing. */
  cannotEnable: string;
}

/**
 * A tenant's settings of an outside OAuth2 service (Concur, a car-data service): read through a short
 * cache, usable only when on and complete, refused when enabled incomplete, and the OAuth2 provider of
 * the service's connection kind (ConnectionProviders).
 */
export abstract class ConnectedServiceSettingsService<
  S extends ConnectedServiceSettings,
  Usable extends S,
> implements OnModuleInit {
  private readonly cache = new ReadThroughCache<S>(SETTINGS_TTL_MS);

  protected constructor(
    private readonly store: ConnectedServiceSettingsStore<S>,
    protected readonly cipher: SecretCipher,
    private readonly providers: ConnectionProviders,
    private readonly service: ConnectedService,
  ) {}

  /** What keeps the settings from running (e.g. "no client id and secret are set"), or null. */
  protected abstract incomplete(settings: S): string | null;

  /** The OAuth2 server's endpoints, from complete settings. */
  protected abstract endpoints(settings: Usable): Pick<OAuth2Provider, 'authorizeUrl' | 'tokenUrl'>;

  onModuleInit(): void {
    this.providers.register(this.service.connection, (tenantId) => this.oauth2Provider(tenantId));
  }

  get(tenantId: TenantId): Promise<S> {
    return this.cache.get(tenantId, () => this.store.get(tenantId));
  }

  /** The settings, when the service is on and complete; the service's notConfigured error otherwise. */
  async usable(tenantId: TenantId): Promise<Usable> {
    const settings = await this.get(tenantId);
    if (!settings.enabled) throw new this.service.notConfigured(this.service.notEnabled);
    const missing = this.incomplete(settings);
    if (missing) throw new this.service.notConfigured(`${this.service.cannotRun}: ${missing}`);
    return settings as Usable;
  }

  /** The clear client id, shown to admins (it is not a secret, but it is kept sealed like one). */
  clientIdOf(settings: S): string | undefined {
    return settings.clientIdSealed ? this.cipher.decrypt(settings.clientIdSealed) : undefined;
  }

  /**
   * Stores what `changes` makes of the stored settings. Enabling settings that could not run, as they
   * will be stored (a field left undefined or null keeps its value), is refused with BAD_USER_INPUT.
   */
  protected async save(tenantId: TenantId, changes: (stored: S) => Partial<S>): Promise<S> {
    const stored = await this.store.get(tenantId);
    const next = changes(stored);
    if (next.enabled) {
      const missing = this.incomplete({ ...stored, ...setFieldsOnly(next) });
      if (missing) throw new BadInputError(`${this.service.cannotEnable}: ${missing}`, { field: 'enabled' });
    }
    const saved = await this.store.update(tenantId, next);
    this.cache.forget(tenantId);
    return saved;
  }

  private async oauth2Provider(tenantId: TenantId): Promise<OAuth2Provider> {
    const settings = await this.usable(tenantId);
    return {
      ...this.endpoints(settings),
      clientId: this.cipher.decrypt(settings.clientIdSealed!),
      clientSecret: this.cipher.decrypt(settings.clientSecretSealed!),
      scope: settings.scope,
    };
  }
}
