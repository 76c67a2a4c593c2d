import { APP_CONFIG, AppConfig } from '@csms/common';
import { DomainEvent, EventBus } from '@csms/events';
import { Inject, Injectable } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import { readConsumptionEvent } from './consumption-event';
import { EndOfChargeDetector } from './end-of-charge.detector';
import { SessionCurveListener } from './session-curve.listener';

/** Tells drivers, in their language, that their car has finished charging and the charger can be freed. */
@Injectable()
export class EndOfChargeListener extends SessionCurveListener {
  private readonly detector: EndOfChargeDetector;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {
    super(events);
    this.detector = new EndOfChargeDetector(config.END_OF_CHARGE_IDLE_MINUTES * 60_000);
  }

  protected forget(transactionId: string): void {
    this.detector.forget(transactionId);
  }

  protected async onConsumption(event: DomainEvent): Promise<void> {
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
