import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import {
  SESSION_STARTED_EVENT,
  SESSION_STOPPED_EVENT,
  readSessionEvent,
  sessionDurationMinutes,
  sessionEnergyWh,
} from './session-event';

/** Tells drivers, in their language, that their session started and, with a summary, that it ended. */
@Injectable()
export class SessionNotificationListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionNotificationListener.name);
  private unsubscribers: Unsubscribe[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {}

  onModuleInit(): void {
    this.unsubscribers = [
      this.events.subscribeOwn(SESSION_STARTED_EVENT, (event) =>
        this.onSession(event, NotificationType.SESSION_STARTED),
      ),
      this.events.subscribeOwn(SESSION_STOPPED_EVENT, (event) =>
        this.onSession(event, NotificationType.SESSION_ENDED),
      ),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  private async onSession(
    event: DomainEvent,
    type: NotificationType.SESSION_STARTED | NotificationType.SESSION_ENDED,
  ): Promise<void> {
    const session = readSessionEvent(event.payload);
    if (!session?.userId) return;
    const recipient = await this.recipients.findRecipient(event.tenantId, session.userId);
    if (!recipient) return;
    const transactionId = session.transactionId ?? session.id ?? '';
    const link = this.links.to(event.tenantId, `/sessions/${encodeURIComponent(transactionId)}`);
    const { chargingStationId, connectorId } = session;
    if (type === NotificationType.SESSION_STARTED) {
      const startedAt = session.startedAt ? new Date(session.startedAt) : new Date(event.at);
      this.notifications.notify(recipient, type, { chargingStationId, connectorId, startedAt, link });
    } else {
      this.notifications.notify(recipient, type, {
        chargingStationId,
        connectorId,
        energyWh: sessionEnergyWh(session),
        durationMinutes: sessionDurationMinutes(session, new Date(event.at)),
        link,
      });
    }
    this.logger.debug(`Queued ${type} for transaction ${transactionId}`);
  }
}
