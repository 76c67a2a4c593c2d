import { APP_CONFIG, AppConfig, BadInputError, ReadThroughCache, SecretCipher, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ROAMING_PARTNER_REGISTERED } from '../../partners/partner-events';
import { PartnerRegistry } from '../../partners/partner-registry';
import { RoamingPartnerRepository } from '../../partners/roaming-partner.repository';
import { SetOicpSettingsInput } from './dto/set-oicp-settings.input';
import { checkCaCertificate, checkClientIdentity } from './oicp-certificates';
import { OicpConnection } from './oicp-connection';
import { OicpSettings } from './oicp-settings';
import { OicpSettingsRepository } from './oicp-settings.repository';

export const OICP_SETTINGS_CHANGED = 'OicpSettingsChanged';

/**
 * The tenant's Hubject connection: set by its admins, read (decrypted, briefly cached) by every OICP
 * call. Hubject is a roaming partner like an OCPI eMSP, so the outbox, the location projection and the
 * session tracker address it without knowing the protocol; enabling it pushes every public EVSE.
 */
@Injectable()
export class OicpSettingsService implements OnModuleInit, OnModuleDestroy {
  private readonly connections = new ReadThroughCache<OicpConnection | null>(10_000);
  private unsubscribe?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: OicpSettingsRepository,
    private readonly partners: RoamingPartnerRepository,
    private readonly registry: PartnerRegistry,
    private readonly cipher: SecretCipher,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe(OICP_SETTINGS_CHANGED, (event) =>
      this.connections.forget(event.tenantId),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  find(tenantId: TenantId): Promise<OicpSettings | null> {
    return this.settings.find(tenantId);
  }

  /** The enabled connection, or null when the tenant does not roam with Hubject. */
  connection(tenantId: TenantId): Promise<OicpConnection | null> {
    return this.connections.get(tenantId, async () => {
      const settings = await this.settings.find(tenantId);
      if (!settings?.enabled) return null;
      return {
        partnerId: settings.partnerId,
        operatorId: settings.operatorId,
        operatorName: settings.operatorName,
        hotlinePhoneNumber: settings.hotlinePhoneNumber,
        baseUrl: settings.baseUrl,
        dynamicPricing: settings.dynamicPricing ?? false,
        ...(settings.caCertificate ? { caCertificate: settings.caCertificate } : {}),
        ...(settings.clientCertificate && settings.clientKey
          ? {
              identity: {
                cert: this.cipher.decrypt(settings.clientCertificate),
                key: this.cipher.decrypt(settings.clientKey),
                ...(settings.caCertificate ? { ca: settings.caCertificate } : {}),
              },
            }
          : {}),
      };
    });
  }

  async set(tenantId: TenantId, input: SetOicpSettingsInput): Promise<OicpSettings> {
    const previous = await this.settings.find(tenantId);
    const url = new URL(input.baseUrl);
    if (url.protocol === 'http:' && this.config.NODE_ENV === 'production') {
      throw new BadInputError('baseUrl must be https in production: Hubject is reached with mutual TLS');
    }
    if (Boolean(input.clientCertificatePem) !== Boolean(input.clientKeyPem)) {
      throw new BadInputError('clientCertificatePem and clientKeyPem go together');
    }
    const facts = input.clientCertificatePem
      ? checkClientIdentity(input.clientCertificatePem, input.clientKeyPem!)
      : undefined;
    if (input.caCertificatePem) checkCaCertificate(input.caCertificatePem);
    const hasIdentity = facts !== undefined || Boolean(previous?.clientCertificate);
    if (url.protocol === 'https:' && input.enabled && !hasIdentity) {
      throw new BadInputError(
        'Hubject over https needs a client certificate and key (clientCertificatePem, clientKeyPem)',
      );
    }
    const partnerId = await this.partnerFor(tenantId, previous, input.enabled);
    const saved = await this.settings.save(tenantId, {
      enabled: input.enabled,
      operatorId: input.operatorId.toUpperCase(),
      operatorName: input.operatorName,
      hotlinePhoneNumber: input.hotlinePhoneNumber,
      baseUrl: input.baseUrl,
      dynamicPricing: input.dynamicPricing ?? previous?.dynamicPricing ?? false,
      partnerId,
      ...(facts
        ? {
            clientCertificate: this.cipher.encrypt(input.clientCertificatePem!),
            clientKey: this.cipher.encrypt(input.clientKeyPem!),
            certificateSubject: facts.subject,
            certificateExpiresAt: facts.expiresAt,
          }
        : {}),
      ...(input.caCertificatePem ? { caCertificate: input.caCertificatePem } : {}),
    });
    this.connections.forget(tenantId);
    await this.events.publish(domainEvent(OICP_SETTINGS_CHANGED, tenantId, { partnerId }));
    await this.registry.changed(tenantId, partnerId);
    // Newly enabled (or now another operator, or now with dynamic pricing): Hubject gets every
    // public EVSE with its status (and its pricing products).
    if (
      input.enabled &&
      (!previous?.enabled ||
        previous.operatorId !== saved.operatorId ||
        (saved.dynamicPricing && !previous.dynamicPricing))
    ) {
      await this.events.publish(domainEvent(ROAMING_PARTNER_REGISTERED, tenantId, { partnerId }));
    }
    return saved;
  }

  /** The roaming partner that stands for Hubject, created on first use; REGISTERED while enabled. */
  private async partnerFor(
    tenantId: TenantId,
    previous: OicpSettings | null,
    enabled: boolean,
  ): Promise<string> {
    const status = enabled ? 'REGISTERED' : 'PENDING';
    if (previous) {
      await this.partners.update(tenantId, previous.partnerId, {
        $set: { status, ...(enabled ? { registeredAt: new Date() } : {}) },
      });
      return previous.partnerId;
    }
    const partner = await this.partners.create(tenantId, {
      protocol: 'OICP',
      name: 'Hubject',
      role: 'EMSP',
      status,
      roles: [],
      ocpi: { endpoints: [], authorizationHeader: 'AUTO' },
      ...(enabled ? { registeredAt: new Date() } : {}),
    });
    return partner.id;
  }
}
