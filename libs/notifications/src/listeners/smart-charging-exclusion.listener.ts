import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';

/** Published by libs/smart-charging when a station is left out; read structurally here. */
export const SMART_CHARGING_STATION_EXCLUDED_EVENT = 'SmartChargingStationExcluded';

export function readExclusion(payload: unknown): { chargingStationId: string; reason: string } | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { chargingStationId, reason } = payload as Record<string, unknown>;
  if (typeof chargingStationId !== 'string' || typeof reason !== 'string') return null;
  return { chargingStationId, reason };
}

/** Tells the tenant's admins that smart charging left a station out (it refused or never answered). */
@Injectable()
export class SmartChargingExclusionListener implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: Unsubscribe;

  constructor(
    private readonly events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn(SMART_CHARGING_STATION_EXCLUDED_EVENT, (event) =>
      this.onExcluded(event),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async onExcluded(event: DomainEvent): Promise<void> {
    const exclusion = readExclusion(event.payload);
    if (!exclusion) return;
    const link = this.links.to(
      event.tenantId,
      `/charging-stations/${encodeURIComponent(exclusion.chargingStationId)}`,
    );
    for (const admin of await this.recipients.findAdmins(event.tenantId)) {
      this.notifications.notify(admin, NotificationType.SMART_CHARGING_STATION_EXCLUDED, {
        ...exclusion,
        link,
      });
    }
  }
}
