import { APP_CONFIG, AppConfig } from '@csms/common';
import { EventBus } from '@csms/events';
import { Inject, Injectable } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import { ConsumptionEventPayload } from './consumption-event';
import { EndOfChargeDetector } from './end-of-charge.detector';
import { SessionCurveListener } from './session-curve.listener';

/** Tells drivers, in their language, that their car has finished charging and the charger can be freed. */
@Injectable()
export class EndOfChargeListener extends SessionCurveListener {
  private readonly detector: EndOfChargeDetector;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    events: EventBus,
    recipients: RecipientDirectory,
    notifications: NotificationService,
    links: FrontendLinks,
  ) {
    super(events, recipients, notifications, links, NotificationType.END_OF_CHARGE);
    this.detector = new EndOfChargeDetector(config.END_OF_CHARGE_IDLE_MINUTES * 60_000);
  }

  protected forget(transactionId: string): void {
    this.detector.forget(transactionId);
  }

  protected isNotable({ transactionId, consumption }: ConsumptionEventPayload): boolean {
    const { timestamp } = consumption;
    return this.detector.ended(transactionId, {
      timestamp: timestamp instanceof Date ? timestamp : new Date(timestamp),
      instantWatts: consumption.instantWatts,
      stateOfCharge: consumption.stateOfCharge,
    });
  }
}
