import { Injectable, Logger } from '@nestjs/common';
import { DomainEvent } from './domain-event';
import { EventBus, EventHandler, Unsubscribe } from './event-bus';

/** Delivers events to handlers in this process. A failing handler is logged and never affects the publisher. */
@Injectable()
export class InProcessEventBus extends EventBus {
  private readonly logger = new Logger(InProcessEventBus.name);
  private readonly handlers = new Map<string, Set<EventHandler>>();

  async publish(event: DomainEvent): Promise<void> {
    this.deliver(event);
  }

  /** Runs the handlers of this process; the Redis bus calls it for events from other instances too. */
  protected deliver(event: DomainEvent): void {
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        const result = handler(event);
        if (result instanceof Promise) result.catch((error: unknown) => this.logFailure(event, error));
      } catch (error) {
        this.logFailure(event, error);
      }
    }
  }

  subscribe<E extends DomainEvent>(type: E['type'], handler: EventHandler<E>): Unsubscribe {
    const set = this.handlers.get(type) ?? new Set<EventHandler>();
    this.handlers.set(type, set);
    set.add(handler as EventHandler);
    return () => set.delete(handler as EventHandler);
  }

  private logFailure(event: DomainEvent, error: unknown): void {
    this.logger.error({ err: error, eventType: event.type }, 'Event handler failed');
  }
}
