import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DomainEvent } from '../domain-event';
import { InProcessEventBus } from '../in-process-event-bus';
import { fromWireJson, toWireJson } from './wire-json';

export const DEFAULT_EVENT_CHANNEL = 'csms:events';

/** How long `publish` waits for its own event to come back before it gives up waiting (not delivering). */
const ECHO_TIMEOUT_MS = 5_000;

interface EventEnvelope {
  /** The publishing bus, so it recognises its own events when they come back. */
  origin: string;
  seq: number;
  event: DomainEvent;
}

function isEnvelope(value: unknown): value is EventEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const envelope = value as Partial<EventEnvelope>;
  return (
    typeof envelope.origin === 'string' &&
    typeof envelope.seq === 'number' &&
    typeof envelope.event === 'object'
  );
}

/**
 * The event bus of several instances: `publish` sends the event to one Redis channel and every
 * instance, the publisher included, delivers it to its handlers when it comes back from Redis. Redis
 * serialises PUBLISH, so every instance sees every event once and all in the same order. `publish`
 * resolves once the event has been delivered here, as the in-process bus does. Dates survive the trip
 * (see wire-json). Redis pub/sub is at-most-once: an instance disconnected from Redis misses what is
 * published meanwhile; when Redis refuses the publish, the event is still delivered locally.
 */
export class RedisEventBus extends InProcessEventBus implements OnApplicationShutdown {
  private readonly log = new Logger(RedisEventBus.name);
  private readonly origin = randomUUID();
  private seq = 0;
  private readonly awaitingEcho = new Map<number, () => void>();
  private closed = false;
  /** Redis refused an event since the last one it took: said once per outage, not per event. */
  private refusing = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
  ) {
    super();
  }

  /** Connects and subscribes; resolves when events published from now on will be received. */
  static async connect(url: string, channel = DEFAULT_EVENT_CHANNEL): Promise<RedisEventBus> {
    const publisher = new Redis(url, { connectionName: 'csms-events-pub' });
    const subscriber = new Redis(url, { connectionName: 'csms-events-sub' });
    const bus = new RedisEventBus(publisher, subscriber, channel);
    subscriber.on('message', (from: string, message: string) => {
      if (from === channel) bus.receive(message);
    });
    try {
      await subscriber.subscribe(channel);
    } catch (error) {
      await bus.close();
      throw error;
    }
    return bus;
  }

  override async publish(event: DomainEvent): Promise<void> {
    if (this.publisher.status !== 'ready') {
      // Redis is away: delivered here at once, rather than after the client's retries.
      return this.deliverHereOnly(event, new Error(`Redis is not connected (${this.publisher.status})`));
    }
    const seq = ++this.seq;
    const echoed = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.awaitingEcho.delete(seq);
        this.log.warn({ eventType: event.type }, 'Published event did not come back from Redis in time');
        resolve();
      }, ECHO_TIMEOUT_MS);
      this.awaitingEcho.set(seq, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    try {
      await this.publisher.publish(this.channel, toWireJson({ origin: this.origin, seq, event }));
    } catch (error) {
      this.awaitingEcho.get(seq)?.();
      this.awaitingEcho.delete(seq);
      return this.deliverHereOnly(event, error);
    }
    this.refusing = false;
    await echoed;
  }

  private deliverHereOnly(event: DomainEvent, error: unknown): void {
    if (!this.refusing) {
      this.log.error(
        { err: error, eventType: event.type },
        'Redis refused an event: events are delivered on this instance only until it is back',
      );
      this.refusing = true;
    }
    this.deliver(event, true);
  }

  private receive(message: string): void {
    let envelope: unknown;
    try {
      envelope = fromWireJson(message);
    } catch (error) {
      this.log.error({ err: error }, 'Unreadable event on the Redis channel');
      return;
    }
    if (!isEnvelope(envelope)) return;
    const own = envelope.origin === this.origin;
    this.deliver(envelope.event, own);
    if (!own) return;
    this.awaitingEcho.get(envelope.seq)?.();
    this.awaitingEcho.delete(envelope.seq);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const release of this.awaitingEcho.values()) release();
    this.awaitingEcho.clear();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}
