import { BadInputError, ReadThroughCache, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OcpiIdentity } from './models/roaming-identity.model';
import { RoamingIdentityRepository } from './roaming-identity.repository';

export const ROAMING_IDENTITY_CHANGED = 'RoamingIdentityChanged';

/** The tenant's roaming identity, read through a short cache: every OCPI answer and push carries it. */
@Injectable()
export class RoamingIdentityService implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new ReadThroughCache<OcpiIdentity | null>(10_000, (value) => value !== null);
  private unsubscribe?: () => void;

  constructor(
    private readonly identities: RoamingIdentityRepository,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe(ROAMING_IDENTITY_CHANGED, (event) =>
      this.cache.forget(event.tenantId),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  find(tenantId: TenantId): Promise<OcpiIdentity | null> {
    return this.cache.get(tenantId, () => this.identities.find(tenantId));
  }

  /** The identity, or a clear error naming the mutation that sets it. */
  async require(tenantId: TenantId): Promise<OcpiIdentity> {
    const identity = await this.find(tenantId);
    if (!identity) {
      throw new BadInputError(
        "Set the tenant's roaming identity first (setOcpiIdentity: country code, party id, name)",
      );
    }
    return identity;
  }

  async set(tenantId: TenantId, identity: OcpiIdentity): Promise<OcpiIdentity> {
    const saved = await this.identities.save(tenantId, identity);
    this.cache.forget(tenantId);
    await this.events.publish(domainEvent(ROAMING_IDENTITY_CHANGED, tenantId, saved));
    return saved;
  }
}
