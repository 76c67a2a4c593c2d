import { ReadThroughCache, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PartnerTokenEntry, PartnerTokenRepository } from './partner-token.repository';
import { RoamingPartner } from './roaming-partner';
import { RoamingPartnerRepository } from './roaming-partner.repository';

export const ROAMING_PARTNER_CHANGED = 'RoamingPartnerChanged';

interface PartnerChangedPayload {
  partnerId: string;
  /** Token digests that must no longer be found in any instance's cache. */
  forgottenDigests: string[];
}

/** How long a partner or token read stays cached: every OCPI request and every push reads them. */
const CACHE_TTL_MS = 5000;

/**
 * Partners and their tokens as every request and push reads them: through short caches, which each
 * change empties on every instance (RoamingPartnerChanged over the event bus), so that an unregistered
 * partner or a replaced token stops working at once.
 */
@Injectable()
export class PartnerRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly partners = new ReadThroughCache<RoamingPartner | null>(
    CACHE_TTL_MS,
    (value) => value !== null,
  );
  private readonly registered = new ReadThroughCache<RoamingPartner[]>(CACHE_TTL_MS);
  private readonly tokens = new ReadThroughCache<PartnerTokenEntry | null>(
    CACHE_TTL_MS,
    (value) => value !== null,
  );
  private unsubscribe?: () => void;

  constructor(
    private readonly repository: RoamingPartnerRepository,
    private readonly tokenRepository: PartnerTokenRepository,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe<{
      type: string;
      tenantId: TenantId;
      payload: PartnerChangedPayload;
      at: number;
    }>(ROAMING_PARTNER_CHANGED, (event) => this.forget(event.tenantId, event.payload));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  get(tenantId: TenantId, partnerId: string): Promise<RoamingPartner | null> {
    return this.partners.get(`${tenantId}\u0000${partnerId}`, () =>
      this.repository.findById(tenantId, partnerId),
    );
  }

  /** The tenant's registered partners (the ones pushes go to). */
  registeredOf(tenantId: TenantId): Promise<RoamingPartner[]> {
    return this.registered.get(tenantId, async () =>
      (await this.repository.list(tenantId)).filter((partner) => partner.status === 'REGISTERED'),
    );
  }

  tokenEntry(tenantId: TenantId, digest: string): Promise<PartnerTokenEntry | null> {
    return this.tokens.get(`${tenantId}\u0000${digest}`, () => this.tokenRepository.find(tenantId, digest));
  }

  /** After a change to a partner (and removal of its token digests): every instance reads again. */
  async changed(tenantId: TenantId, partnerId: string, forgottenDigests: string[] = []): Promise<void> {
    const payload = { partnerId, forgottenDigests };
    this.forget(tenantId, payload);
    await this.events.publish(domainEvent(ROAMING_PARTNER_CHANGED, tenantId, payload));
  }

  private forget(tenantId: TenantId, payload: PartnerChangedPayload): void {
    this.partners.forget(`${tenantId}\u0000${payload.partnerId}`);
    this.registered.forget(tenantId);
    for (const digest of payload.forgottenDigests) this.tokens.forget(`${tenantId}\u0000${digest}`);
  }
}
