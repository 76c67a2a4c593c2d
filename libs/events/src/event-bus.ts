import { DomainEvent } from './domain-event';

export type EventHandler<E extends DomainEvent = DomainEvent> = (event: E) => void | Promise<void>;
export type Unsubscribe = () => void;

/**
 * The domain event bus. Modules publish facts and react to each other's only through it. The
 * in-process implementation is the default; a Redis one replaces it when REDIS_URL is set, with
 * no change to the modules.
 */
export abstract class EventBus {
  /**
   * Resolves once the event is delivered on this instance. Never rejects: a failing handler is the
   * bus's to log, and an event Redis refuses is still delivered here. So a publisher that does not
   * wait for delivery need not catch.
   */
  abstract publish(event: DomainEvent): Promise<void>;

  /** Calls `handler` for every event of `type` published on any instance. */
  abstract subscribe<E extends DomainEvent>(type: E['type'], handler: EventHandler<E>): Unsubscribe;

  /**
   * Calls `handler` only for events of `type` published by this instance: for side effects that must
   * happen once in the cluster, not once per instance (an email, for instance). Station events are
   * published by the instance that holds the station, so its per-station state stays in one place.
   */
  abstract subscribeOwn<E extends DomainEvent>(type: E['type'], handler: EventHandler<E>): Unsubscribe;

  /**
   * An async iterator of the events of `types` that pass `filter`, for GraphQL subscriptions.
   * Buffers up to `highWaterMark` events per subscriber and drops the oldest beyond it, so a slow
   * client cannot grow the server's memory without bound.
   */
  iterate<E extends DomainEvent>(
    types: E['type'][],
    filter: (event: E) => boolean,
    highWaterMark = 1000,
  ): AsyncIterableIterator<E> {
    const queue: E[] = [];
    let waiting: ((result: IteratorResult<E>) => void) | undefined;
    let done = false;
    const unsubscribers = types.map((type) =>
      this.subscribe<E>(type, (event) => {
        if (done || !filter(event)) return;
        if (waiting) {
          const resolve = waiting;
          waiting = undefined;
          resolve({ value: event, done: false });
          return;
        }
        queue.push(event);
        if (queue.length > highWaterMark) queue.shift();
      }),
    );
    const finish = (): Promise<IteratorResult<E>> => {
      done = true;
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      queue.length = 0;
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        const value = queue.shift();
        if (value) return Promise.resolve({ value, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: finish,
      throw: finish,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
