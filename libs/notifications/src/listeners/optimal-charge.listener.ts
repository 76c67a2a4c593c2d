import { APP_CONFIG, AppConfig } from '@csms/common';
import { DomainEvent, EventBus } from '@csms/events';
import { Inject, Injectable } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import { readConsumptionEvent } from './consumption-event';
import { OptimalChargeDetector } from './optimal-charge.detector';
import { SessionCurveListener } from './session-curve.listener';

/**
 * Tells drivers, in their language, that their battery reached OPTIMAL_CHARGE_PERCENT (as the
 * station reports the state of charge), once per session: unplugging now spares the battery and
 * frees the charger.
 */
@Injectable()
export class OptimalChargeListener extends SessionCurveListener {
  private readonly detector: OptimalChargeDetector;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {
    super(events);
    this.detector = new OptimalChargeDetector(config.OPTIMAL_CHARGE_PERCENT);
  }

  protected forget(transactionId: string): void {
    this.detector.forget(transactionId);
  }

  protected async onConsumption(event: DomainEvent): Promise<void> {
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
