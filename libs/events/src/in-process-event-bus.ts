import { Injectable, Logger } from '@nestjs/common';
import { DomainEvent } from './domain-event';
import { EventBus, EventHandler, Unsubscribe } from './event-bus';

/** Delivers events to handlers in this process. A failing handler is logged and never affects the publisher. */
@Injectable()
export class InProcessEventBus extends EventBus {
  private readonly logger = new Logger(InProcessEventBus.name);
  private readonly handlers = new Map<string, Set<EventHandler>>();
  private readonly ownHandlers = new Map<string, Set<EventHandler>>();
  private lag?: { observe(seconds: number): void };

  /** Records, for every event delivered here, the seconds since it was published (the metrics' bus lag). */
  observeLag(histogram: { observe(seconds: number): void }): void {
    this.lag = histogram;
  }

  async publish(event: DomainEvent): Promise<void> {
    this.deliver(event, true);
  }

  /**
   * Runs the handlers of this process; the Redis bus calls it for events from other instances too,
   * with `own` false so that only `subscribe` handlers see those.
   */
  protected deliver(event: DomainEvent, own: boolean): void {
    this.lag?.observe(Math.max(0, Date.now() - event.at) / 1000);
    const handlers = [
      ...(this.handlers.get(event.type) ?? []),
      ...((own && this.ownHandlers.get(event.type)) || []),
    ];
    for (const handler of handlers) {
      try {
        const result = handler(event);
        if (result instanceof Promise) result.catch((error: unknown) => this.logFailure(event, error));
      } catch (error) {
        this.logFailure(event, error);
      }
    }
  }

  subscribe<E extends DomainEvent>(type: E['type'], handler: EventHandler<E>): Unsubscribe {
    return addHandler(this.handlers, type, handler as EventHandler);
  }

  subscribeOwn<E extends DomainEvent>(type: E['type'], handler: EventHandler<E>): Unsubscribe {
    return addHandler(this.ownHandlers, type, handler as EventHandler);
  }

  private logFailure(event: DomainEvent, error: unknown): void {
    this.logger.error({ err: error, eventType: event.type }, 'Event handler failed');
  }
}

function addHandler(
  registry: Map<string, Set<EventHandler>>,
  type: string,
  handler: EventHandler,
): Unsubscribe {
  const set = registry.get(type) ?? new Set<EventHandler>();
  registry.set(type, set);
  set.add(handler);
  return () => set.delete(handler);
}
