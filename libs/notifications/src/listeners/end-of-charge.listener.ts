import { APP_CONFIG, AppConfig } from '@csms/common';
import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import { CONSUMPTION_ADDED_EVENT, readConsumptionEvent } from './consumption-event';
import { EndOfChargeDetector } from './end-of-charge.detector';
import { SESSION_STOPPED_EVENT, readSessionEvent } from './session-event';

/** Tells drivers, in their language, that their car has finished charging and the charger can be freed. */
@Injectable()
export class EndOfChargeListener implements OnModuleInit, OnModuleDestroy {
  private readonly detector: EndOfChargeDetector;
  private unsubscribers: Unsubscribe[] = [];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {
    this.detector = new EndOfChargeDetector(config.END_OF_CHARGE_IDLE_MINUTES * 60_000);
  }

  onModuleInit(): void {
    this.unsubscribers = [
      this.events.subscribeOwn(CONSUMPTION_ADDED_EVENT, (event) => this.onConsumption(event)),
      this.events.subscribeOwn(SESSION_STOPPED_EVENT, (event) => {
        const session = readSessionEvent(event.payload);
        const id = session?.transactionId ?? session?.id;
        if (id) this.detector.forget(id);
      }),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  private async onConsumption(event: DomainEvent): Promise<void> {
    const point = readConsumptionEvent(event.payload);
    if (!point?.userId) return;
    const { consumption } = point;
    const ended = this.detector.ended(point.transactionId, {
      timestamp: new Date(consumption.timestamp),
      instantWatts: consumption.instantWatts,
      stateOfCharge: consumption.stateOfCharge,
    });
    if (!ended) return;
    const recipient = await this.recipients.findRecipient(event.tenantId, point.userId);
    if (!recipient) return;
    this.notifications.notify(recipient, NotificationType.END_OF_CHARGE, {
      chargingStationId: point.chargingStationId,
      connectorId: point.connectorId,
      energyWh: consumption.cumulatedWh,
      stateOfCharge: consumption.stateOfCharge ?? undefined,
      link: this.links.to(event.tenantId, `/sessions/${encodeURIComponent(point.transactionId)}`),
    });
  }
}
