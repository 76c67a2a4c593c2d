import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import { CONSUMPTION_ADDED_EVENT, ConsumptionEventPayload, readConsumptionEvent } from './consumption-event';
import { SESSION_STOPPED_EVENT, readSessionEvent } from './session-event';

/** What a session's curve can tell its driver: the charge ended, the battery reached its optimum. */
type CurveNotificationType = NotificationType.END_OF_CHARGE | NotificationType.OPTIMAL_CHARGE_REACHED;

/**
 * A listener that follows each session's curve points, keeps per-session state until the session
 * stops, and tells the driver once the point it watches for comes. Own events only: the instance
 * holding the station sees all of its points.
 */
export abstract class SessionCurveListener implements OnModuleInit, OnModuleDestroy {
  private unsubscribers: Unsubscribe[] = [];

  protected constructor(
    private readonly events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
    private readonly type: CurveNotificationType,
  ) {}

  /** Whether this point of a driver's session is the one to tell them about (at most once per session). */
  protected abstract isNotable(point: ConsumptionEventPayload): boolean;

  /** The session stopped: drop what was kept about it. */
  protected abstract forget(transactionId: string): void;

  onModuleInit(): void {
    this.unsubscribers = [
      this.events.subscribeOwn(CONSUMPTION_ADDED_EVENT, (event) => {
        const point = readConsumptionEvent(event.payload);
        // Every curve point passes here: only the one worth telling becomes a promise.
        if (!point?.userId || !this.isNotable(point)) return;
        return this.tell(event, point.userId, point);
      }),
      this.events.subscribeOwn(SESSION_STOPPED_EVENT, (event) => {
        const session = readSessionEvent(event.payload);
        const id = session?.transactionId ?? session?.id;
        if (id) this.forget(id);
      }),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  private async tell(event: DomainEvent, userId: string, point: ConsumptionEventPayload): Promise<void> {
    const recipient = await this.recipients.findRecipient(event.tenantId, userId);
    if (!recipient) return;
    const { consumption } = point;
    this.notifications.notify(recipient, this.type, {
      chargingStationId: point.chargingStationId,
      connectorId: point.connectorId,
      energyWh: consumption.cumulatedWh,
      stateOfCharge: consumption.stateOfCharge ?? undefined,
      link: this.links.to(event.tenantId, `/sessions/${encodeURIComponent(point.transactionId)}`),
    });
  }
}
