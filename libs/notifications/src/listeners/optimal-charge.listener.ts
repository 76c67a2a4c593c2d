import { APP_CONFIG, AppConfig } from '@csms/common';
import { EventBus } from '@csms/events';
import { Inject, Injectable } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import { ConsumptionEventPayload } from './consumption-event';
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
    recipients: RecipientDirectory,
    notifications: NotificationService,
    links: FrontendLinks,
  ) {
    super(events, recipients, notifications, links, NotificationType.OPTIMAL_CHARGE_REACHED);
    this.detector = new OptimalChargeDetector(config.OPTIMAL_CHARGE_PERCENT);
  }

  protected forget(transactionId: string): void {
    this.detector.forget(transactionId);
  }

  /** The detector only says yes to a numeric state of charge, which the notification shows. */
  protected isNotable({ transactionId, consumption }: ConsumptionEventPayload): boolean {
    return this.detector.reached(transactionId, consumption.stateOfCharge);
  }
}
