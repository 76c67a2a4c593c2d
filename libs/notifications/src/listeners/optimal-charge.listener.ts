import { APP_CONFIG, AppConfig } from '@csms/common';
import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import { CONSUMPTION_ADDED_EVENT, readConsumptionEvent } from './consumption-event';
import { OptimalChargeDetector } from './optimal-charge.detector';
import { SESSION_STOPPED_EVENT, readSessionEvent } from './session-event';

/**
 * Tells drivers, in their language, that their battery reached OPTIMAL_CHARGE_PERCENT (as the
 * station reports the state of charge), once per session: unplugging now spares the battery and
 * frees the charger.
 */
@Injectable()
export class OptimalChargeListener implements OnModuleInit, OnModuleDestroy {
  private readonly detector: OptimalChargeDetector;
  private unsubscribers: Unsubscribe[] = [];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {
    this.detector = new OptimalChargeDetector(config.OPTIMAL_CHARGE_PERCENT);
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
    const { stateOfCharge, cumulatedWh } = point.consumption;
    if (!this.detector.reached(point.transactionId, stateOfCharge) || typeof stateOfCharge !== 'number')
      return;
    const recipient = await this.recipients.findRecipient(event.tenantId, point.userId);
    if (!recipient) return;
    this.notifications.notify(recipient, NotificationType.OPTIMAL_CHARGE_REACHED, {
      chargingStationId: point.chargingStationId,
      connectorId: point.connectorId,
      stateOfCharge,
      energyWh: cumulatedWh,
      link: this.links.to(event.tenantId, `/sessions/${encodeURIComponent(point.transactionId)}`),
    });
  }
}
