import { APP_CONFIG, AppConfig } from '@csms/common';
import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import { NoticeThrottle } from './notice-throttle';
import { UNKNOWN_TAG_PRESENTED_EVENT, readUnknownTag } from './unknown-tag-event';

/**
 * Tells the tenant's admins that a station was presented a badge the tenant does not know, naming
 * the station and the badge; once per badge and station within UNKNOWN_TAG_NOTIFICATION_MINUTES,
 * since a driver often tries the same badge several times.
 */
@Injectable()
export class UnknownTagListener implements OnModuleInit, OnModuleDestroy {
  private readonly throttle: NoticeThrottle;
  private unsubscribe?: Unsubscribe;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {
    this.throttle = new NoticeThrottle(config.UNKNOWN_TAG_NOTIFICATION_MINUTES * 60_000);
  }

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn(UNKNOWN_TAG_PRESENTED_EVENT, (event) =>
      this.onUnknownTag(event),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async onUnknownTag(event: DomainEvent): Promise<void> {
    const presented = readUnknownTag(event.payload, new Date(event.at));
    if (!presented) return;
    const key = [event.tenantId, presented.chargingStationId, presented.tagId].join('\u0000');
    if (!this.throttle.allow(key, Date.now())) return;
    const link = this.links.to(
      event.tenantId,
      `/charging-stations/${encodeURIComponent(presented.chargingStationId)}`,
    );
    for (const admin of await this.recipients.findAdmins(event.tenantId)) {
      this.notifications.notify(admin, NotificationType.UNKNOWN_TAG_USED, { ...presented, link });
    }
  }
}
