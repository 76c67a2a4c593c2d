import { Injectable, Logger } from '@nestjs/common';
import { DomainEvent } from './domain-event';
import { EventBus, EventHandler, Unsubscribe } from './event-bus';

/** What `publish` returns: delivery here is synchronous, so one settled promise serves every event. */
const DELIVERED: Promise<void> = Promise.resolve();

/**
 * Handlers per event type, each list replaced (never changed) when a handler comes or goes: a
 * delivery walks the list as it was when the event was published, without copying it per event.
 */
type HandlerLists = Map<string, readonly EventHandler[]>;

/** Delivers events to handlers in this process. A failing handler is logged and never affects the publisher. */
@Injectable()
export class InProcessEventBus extends EventBus {
  private readonly logger = new Logger(InProcessEventBus.name);
  private readonly handlers: HandlerLists = new Map();
  private readonly ownHandlers: HandlerLists = new Map();
  private lag?: { observe(seconds: number): void };

  /** Records, for every event delivered here, the seconds since it was published (the metrics' bus lag). */
  observeLag(histogram: { observe(seconds: number): void }): void {
    this.lag = histogram;
  }

  publish(event: DomainEvent): Promise<void> {
    this.deliver(event, true);
    return DELIVERED;
  }

  /**
   * Runs the handlers of this process; the Redis bus calls it for events from other instances too,
   * with `own` false so that only `subscribe` handlers see those.
   */
  protected deliver(event: DomainEvent, own: boolean): void {
    this.lag?.observe(Math.max(0, Date.now() - event.at) / 1000);
    this.run(this.handlers.get(event.type), event);
    if (own) this.run(this.ownHandlers.get(event.type), event);
  }

  subscribe<E extends DomainEvent>(type: E['type'], handler: EventHandler<E>): Unsubscribe {
    return addHandler(this.handlers, type, handler as EventHandler);
  }

  subscribeOwn<E extends DomainEvent>(type: E['type'], handler: EventHandler<E>): Unsubscribe {
    return addHandler(this.ownHandlers, type, handler as EventHandler);
  }

  private run(handlers: readonly EventHandler[] | undefined, event: DomainEvent): void {
    if (!handlers) return;
    for (const handler of handlers) {
      try {
        const result = handler(event);
        if (result instanceof Promise) result.catch((error: unknown) => this.logFailure(event, error));
      } catch (error) {
        this.logFailure(event, error);
      }
    }
  }

  private logFailure(event: DomainEvent, error: unknown): void {
    this.logger.error({ err: error, eventType: event.type }, 'Event handler failed');
  }
}

function addHandler(registry: HandlerLists, type: string, handler: EventHandler): Unsubscribe {
  const handlers = registry.get(type) ?? [];
  if (!handlers.includes(handler)) registry.set(type, [...handlers, handler]);
  return () => {
    const rest = (registry.get(type) ?? []).filter((other) => other !== handler);
    if (rest.length) registry.set(type, rest);
    else registry.delete(type);
  };
}
