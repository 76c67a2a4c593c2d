import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CONSUMPTION_ADDED_EVENT } from './consumption-event';
import { SESSION_STOPPED_EVENT, readSessionEvent } from './session-event';

/**
 * A listener that follows each session's curve points and keeps per-session state until the session
 * stops. Own events only: the instance holding the station sees all of its points.
 */
export abstract class SessionCurveListener implements OnModuleInit, OnModuleDestroy {
  private unsubscribers: Unsubscribe[] = [];

  protected constructor(protected readonly events: EventBus) {}

  protected abstract onConsumption(event: DomainEvent): Promise<void>;

  /** The session stopped: drop what was kept about it. */
  protected abstract forget(transactionId: string): void;

  onModuleInit(): void {
    this.unsubscribers = [
      this.events.subscribeOwn(CONSUMPTION_ADDED_EVENT, (event) => this.onConsumption(event)),
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
}
