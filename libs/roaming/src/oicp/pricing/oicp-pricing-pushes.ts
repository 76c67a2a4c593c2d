import { TenantId } from '@csms/common';
import { EventBus, Unsubscribe } from '@csms/events';
import { TARIFFS_CHANGED, TariffsChangedEvent } from '@csms/pricing';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Outbox } from '../../outbox/outbox';
import { PartnerRegistry } from '../../partners/partner-registry';
import { OICP_SETTINGS_CHANGED, OicpSettingsService } from '../settings/oicp-settings.service';

/** Outbox kind of our pricing products (rendered from the tariffs of the moment it is delivered). */
export const OICP_PRICING_PRODUCTS = 'oicp.pricing-products';
const PRICING_OBJECT_KEY = 'oicp:pricing-products';

/**
 * Dynamic pricing: when a tariff changes (edited, assigned, unassigned, deleted) or the tenant switches
 * dynamic pricing on, Hubject gets a full load of our pricing products through the outbox. The message
 * carries no snapshot: it is rendered from the tariffs as they are when it is delivered, so a burst of
 * changes converges on the last state. Which product applies at which EVSE travels with the EVSE data.
 */
@Injectable()
export class OicpPricingPushes implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribers: Unsubscribe[] = [];

  constructor(
    private readonly settings: OicpSettingsService,
    private readonly partners: PartnerRegistry,
    private readonly outbox: Outbox,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribers.push(
      this.events.subscribeOwn<TariffsChangedEvent>(TARIFFS_CHANGED, (event) => this.push(event.tenantId)),
      this.events.subscribeOwn(OICP_SETTINGS_CHANGED, (event) => this.push(event.tenantId)),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  async push(tenantId: TenantId): Promise<void> {
    const connection = await this.settings.connection(tenantId);
    if (!connection?.dynamicPricing) return;
    const hubject = await this.partners.get(tenantId, connection.partnerId);
    if (!hubject) return;
    await this.outbox.enqueue(tenantId, [hubject], {
      objectKey: PRICING_OBJECT_KEY,
      kind: OICP_PRICING_PRODUCTS,
      payload: {},
    });
  }
}
