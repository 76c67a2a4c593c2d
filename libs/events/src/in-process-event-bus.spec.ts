import { DEFAULT_TENANT_ID, asTenantId } from '@csms/common';
import { Logger } from '@nestjs/common';
import { DomainEvent, domainEvent } from './domain-event';
import { InProcessEventBus } from './in-process-event-bus';

type Ping = DomainEvent<'Ping', { n: number }>;

describe('InProcessEventBus', () => {
  it('delivers to subscribers of the type until they unsubscribe', async () => {
    const bus = new InProcessEventBus();
    const seen: number[] = [];
    const unsubscribe = bus.subscribe<Ping>('Ping', (event) => void seen.push(event.payload.n));
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 1 }));
    await bus.publish(domainEvent('Other', DEFAULT_TENANT_ID, { n: 2 }));
    unsubscribe();
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 3 }));
    expect(seen).toEqual([1]);
  });

  it('delivers its own events to own-event subscribers as well (one process is the whole cluster)', async () => {
    const bus = new InProcessEventBus();
    const seen: number[] = [];
    const unsubscribe = bus.subscribeOwn<Ping>('Ping', (event) => void seen.push(event.payload.n));
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 1 }));
    unsubscribe();
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 2 }));
    expect(seen).toEqual([1]);
  });

  it('keeps delivering when a handler throws', async () => {
    const bus = new InProcessEventBus();
    const seen: number[] = [];
    bus.subscribe<Ping>('Ping', () => {
      throw new Error('boom');
    });
    bus.subscribe<Ping>('Ping', (event) => void seen.push(event.payload.n));
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 7 }));
    expect(seen).toEqual([7]);
  });

  it('resolves a publish whose handler rejects, and logs instead', async () => {
    const bus = new InProcessEventBus();
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    bus.subscribe<Ping>('Ping', () => Promise.reject(new Error('boom')));
    await expect(bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 1 }))).resolves.toBeUndefined();
    await new Promise(setImmediate);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ eventType: 'Ping' }),
      'Event handler failed',
    );
    logged.mockRestore();
  });

  it('delivers an event to the handlers subscribed when it was published', async () => {
    const bus = new InProcessEventBus();
    const seen: string[] = [];
    const late = (event: Ping): void => void seen.push(`late ${event.payload.n}`);
    let unsubscribeSecond = (): void => undefined;
    bus.subscribe<Ping>('Ping', (event) => {
      seen.push(`first ${event.payload.n}`);
      unsubscribeSecond();
      bus.subscribe<Ping>('Ping', late);
    });
    unsubscribeSecond = bus.subscribe<Ping>('Ping', (event) => void seen.push(`second ${event.payload.n}`));
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 1 }));
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 2 }));
    expect(seen).toEqual(['first 1', 'second 1', 'first 2', 'late 2']);
  });

  it('calls a handler subscribed twice once, until it unsubscribes', async () => {
    const bus = new InProcessEventBus();
    const seen: number[] = [];
    const handler = (event: Ping): void => void seen.push(event.payload.n);
    const unsubscribe = bus.subscribe<Ping>('Ping', handler);
    bus.subscribe<Ping>('Ping', handler);
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 1 }));
    unsubscribe();
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 2 }));
    expect(seen).toEqual([1]);
  });

  it('iterates filtered events in order and stops on return', async () => {
    const bus = new InProcessEventBus();
    const other = asTenantId('other');
    const iterator = bus.iterate<Ping>(['Ping'], (event) => event.tenantId === DEFAULT_TENANT_ID);
    const firstPending = iterator.next();
    await bus.publish(domainEvent('Ping', other, { n: 0 }));
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 1 }));
    await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n: 2 }));
    expect((await firstPending).value?.payload.n).toBe(1);
    expect((await iterator.next()).value?.payload.n).toBe(2);
    await iterator.return?.();
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('drops the oldest events beyond the high-water mark', async () => {
    const bus = new InProcessEventBus();
    const iterator = bus.iterate<Ping>(['Ping'], () => true, 2);
    for (const n of [1, 2, 3]) await bus.publish(domainEvent('Ping', DEFAULT_TENANT_ID, { n }));
    expect((await iterator.next()).value?.payload.n).toBe(2);
    expect((await iterator.next()).value?.payload.n).toBe(3);
  });
});
