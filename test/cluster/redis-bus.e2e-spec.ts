import {
  CLUSTER_OPTIONS,
  ClusterModule,
  ClusterOptions,
  InMemoryStationOwnershipRegistry,
  INSTANCE_ID,
  LOCAL_STATION_COMMANDS,
  RedisCommandTransport,
  RedisStationOwnershipRegistry,
  RemoteCommandTransport,
  STATION_CONNECTION_LOST,
  StationCommandName,
  StationConnectionLostEvent,
  StationOwnershipRegistry,
  stationCommandsVia,
} from '@csms/cluster';
import {
  AppConfig,
  ConfigModule,
  OperationContext,
  TenantId,
  asTenantId,
  loadConfig,
  noteOcppCall,
  runOperation,
} from '@csms/common';
import {
  DomainEvent,
  EventBus,
  EventsModule,
  InProcessEventBus,
  RedisEventBus,
  domainEvent,
} from '@csms/events';
import { StationCommands } from '@csms/stations/ports/station-commands.port';
import { StationOfflineError, StationTimeoutError } from '@csms/stations/ports/station-errors';
import { StationInbound } from '@csms/stations/ports/station-inbound.port';
import { DynamicModule, Global, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { RedisServer } from '../support/redis-server';
import { startTestApp } from '../support/test-app';

const TENANT = asTenantId('acme');
const TTL_MS = 600;

interface EdgeCall {
  command: StationCommandName;
  stationId: string;
  args: unknown[];
}

/** Stands for one instance's OCPP edge: holds the stations in `connected`, records what it runs. */
class FakeEdge {
  readonly calls: EdgeCall[] = [];
  readonly connected = new Set<string>();
  /** Per command: what the station does instead of accepting. */
  readonly behaviour = new Map<StationCommandName, () => Promise<unknown>>();
  readonly commands: StationCommands = stationCommandsVia(async (command, _tenantId, stationId, args) => {
    if (!this.connected.has(stationId)) throw new StationOfflineError(stationId);
    this.calls.push({ command, stationId, args });
    // As the real edge does for each CALL it sends: the asking operation learns its message id.
    noteOcppCall({ chargingStationId: stationId, action: command, messageId: `${command}@${stationId}` });
    return (await this.behaviour.get(command)?.()) ?? { status: 'Accepted', data: { ranOn: stationId } };
  });
}

/** Stands for the stations domain: records the stations it was told went offline. */
class FakeStationsDomain {
  readonly offline: string[] = [];
  readonly inbound = {
    disconnected: async (_tenantId: TenantId, stationId: string) => void this.offline.push(stationId),
  } as unknown as StationInbound;
}

@Global()
@Module({})
class FakeEdgeAndDomainModule {
  static with(edge: FakeEdge, domain: FakeStationsDomain): DynamicModule {
    return {
      module: FakeEdgeAndDomainModule,
      providers: [
        { provide: LOCAL_STATION_COMMANDS, useValue: edge.commands },
        { provide: StationInbound, useValue: domain.inbound },
      ],
      exports: [LOCAL_STATION_COMMANDS, StationInbound],
    };
  }
}

interface Instance {
  app: INestApplicationContext;
  edge: FakeEdge;
  domain: FakeStationsDomain;
  bus: EventBus;
  commands: StationCommands;
  registry: StationOwnershipRegistry;
  /** The station connects to this instance: the edge holds it and claims it. */
  connect(stationId: string): Promise<void>;
}

/** One instance as the server composes it: config, events, cluster, and a fake edge and domain. */
async function startInstance(
  env: Record<string, string>,
  cluster: Partial<ClusterOptions> = {},
): Promise<Instance> {
  const config: AppConfig = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    OCPP_CALL_TIMEOUT_MS: '500',
    ...env,
  });
  const edge = new FakeEdge();
  const domain = new FakeStationsDomain();
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      EventsModule,
      ClusterModule.forRoot({ ownershipTtlMs: TTL_MS, ...cluster }),
      FakeEdgeAndDomainModule.with(edge, domain),
    ],
  })
  class InstanceModule {}
  const app = await NestFactory.createApplicationContext(InstanceModule, { logger: ['error'] });
  const registry = app.get(StationOwnershipRegistry);
  return {
    app,
    edge,
    domain,
    bus: app.get(EventBus),
    commands: app.get(StationCommands),
    registry,
    connect: async (stationId) => {
      edge.connected.add(stationId);
      await registry.claim(TENANT, stationId);
    },
  };
}

async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Ping = DomainEvent<'Ping', { n: number; at: Date; from: string }>;

describe('several instances through Redis', () => {
  let redis: RedisServer;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    redis = await RedisServer.start();
    [a, b] = await Promise.all([
      startInstance({ REDIS_URL: redis.url }),
      startInstance({ REDIS_URL: redis.url }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([a?.app.close(), b?.app.close()]);
    await redis?.stop();
  });

  it('runs the Redis implementations, one instance id each', () => {
    expect(a.bus).toBeInstanceOf(RedisEventBus);
    expect(a.registry).toBeInstanceOf(RedisStationOwnershipRegistry);
    expect(a.app.get(INSTANCE_ID)).not.toBe(b.app.get(INSTANCE_ID));
    expect(a.app.get(CLUSTER_OPTIONS)).toMatchObject({
      ownershipTtlMs: TTL_MS,
      remoteCommandTimeoutMs: 5_500,
    });
  });

  it('delivers an event published on A once to subscribers on A and on B, in order, Dates intact', async () => {
    const seen = { a: [] as Ping[], b: [] as Ping[] };
    const unsubscribe = [
      a.bus.subscribe<Ping>('Ping', (event) => void seen.a.push(event)),
      b.bus.subscribe<Ping>('Ping', (event) => void seen.b.push(event)),
    ];
    const at = new Date('2026-11-28T03:00:00.000Z');
    for (const n of [1, 2, 3]) await a.bus.publish(domainEvent('Ping', TENANT, { n, at, from: 'A' }));
    // publish resolves once the event came back to its own instance.
    expect(seen.a.map((event) => event.payload.n)).toEqual([1, 2, 3]);
    await b.bus.publish(domainEvent('Ping', TENANT, { n: 4, at, from: 'B' }));
    // Redis keeps order: once B's own event is back, A's three have arrived on B too; and on A once B's arrives.
    await eventually(() => seen.a.length === 4);
    expect(seen.a.map((event) => event.payload.n)).toEqual([1, 2, 3, 4]);
    expect(seen.b.map((event) => event.payload.n)).toEqual([1, 2, 3, 4]);
    expect(seen.b[0].payload.at).toBeInstanceOf(Date);
    expect(seen.b[0].payload.at.getTime()).toBe(at.getTime());
    expect(seen.b[0]).toMatchObject({ type: 'Ping', tenantId: TENANT });
    unsubscribe.forEach((stop) => stop());
  });

  it('delivers to own-event subscribers only on the publishing instance, so side effects happen once', async () => {
    const own = { a: [] as number[], b: [] as number[] };
    const all: number[] = [];
    const unsubscribe = [
      a.bus.subscribeOwn<Ping>('Ping', (event) => void own.a.push(event.payload.n)),
      b.bus.subscribeOwn<Ping>('Ping', (event) => void own.b.push(event.payload.n)),
      b.bus.subscribe<Ping>('Ping', (event) => void all.push(event.payload.n)),
    ];
    const at = new Date();
    await a.bus.publish(domainEvent('Ping', TENANT, { n: 5, at, from: 'A' }));
    await b.bus.publish(domainEvent('Ping', TENANT, { n: 6, at, from: 'B' }));
    await eventually(() => all.length === 2);
    expect(own).toEqual({ a: [5], b: [6] });
    expect(all).toEqual([5, 6]);
    unsubscribe.forEach((stop) => stop());
  });

  it('runs a command issued on B for a station held by A on A, and brings the answer back', async () => {
    await a.connect('CS-A1');
    const expiryDate = new Date('2026-12-01T10:00:00.000Z');
    const operation: OperationContext = { ocppCalls: [] };
    const answer = await runOperation(operation, () =>
      b.commands.reserveNow(TENANT, 'CS-A1', {
        connectorId: 1,
        expiryDate,
        idTag: 'TAG-1',
        reservationId: 7,
      }),
    );
    expect(answer).toEqual({ status: 'Accepted', data: { ranOn: 'CS-A1' } });
    expect(operation.ocppCalls).toEqual([
      { chargingStationId: 'CS-A1', action: 'reserveNow', messageId: 'reserveNow@CS-A1' },
    ]);
    expect(b.edge.calls).toEqual([]);
    expect(a.edge.calls).toEqual([
      {
        command: 'reserveNow',
        stationId: 'CS-A1',
        args: [{ connectorId: 1, expiryDate, idTag: 'TAG-1', reservationId: 7 }],
      },
    ]);
    expect((a.edge.calls[0].args[0] as { expiryDate: Date }).expiryDate).toBeInstanceOf(Date);
  });

  it("brings A's errors back to B as the same domain errors", async () => {
    await a.connect('CS-A2');
    a.edge.behaviour.set('reset', () => Promise.reject(new StationTimeoutError('CS-A2', 'Reset')));
    const operation: OperationContext = { ocppCalls: [] };
    const error = await runOperation(operation, () => b.commands.reset(TENANT, 'CS-A2', 'Hard')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StationTimeoutError);
    expect(operation.ocppCalls).toEqual([
      { chargingStationId: 'CS-A2', action: 'reset', messageId: 'reset@CS-A2' },
    ]);
    expect(error).toMatchObject({
      code: 'STATION_TIMEOUT',
      details: { chargingStationId: 'CS-A2', action: 'Reset' },
    });
    // The station left A without A noticing yet: A's edge says offline, and B hears it.
    a.edge.connected.delete('CS-A2');
    await expect(b.commands.clearCache(TENANT, 'CS-A2')).rejects.toBeInstanceOf(StationOfflineError);
  });

  it('answers StationTimeoutError on B when A does not answer in time', async () => {
    const instance = await startInstance({ REDIS_URL: redis.url }, { remoteCommandTimeoutMs: 300 });
    try {
      await a.connect('CS-A3');
      a.edge.behaviour.set('getLocalListVersion', () => new Promise(() => undefined));
      const started = Date.now();
      const error = await instance.commands.getLocalListVersion(TENANT, 'CS-A3').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StationTimeoutError);
      expect(error).toMatchObject({ details: { chargingStationId: 'CS-A3', action: 'getLocalListVersion' } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(a.edge.calls.map((call) => call.command)).toContain('getLocalListVersion');
    } finally {
      await instance.app.close();
    }
  });

  it('reports a station nobody holds offline, and a station released by A too', async () => {
    await expect(b.commands.unlockConnector(TENANT, 'CS-NOWHERE', 1)).rejects.toBeInstanceOf(
      StationOfflineError,
    );
    await a.connect('CS-A4');
    expect(await b.registry.ownerOf(TENANT, 'CS-A4')).toBe(a.registry.instanceId);
    await a.registry.release(TENANT, 'CS-A4');
    a.edge.connected.delete('CS-A4');
    expect(await b.registry.ownerOf(TENANT, 'CS-A4')).toBeUndefined();
    await expect(b.commands.unlockConnector(TENANT, 'CS-A4', 1)).rejects.toBeInstanceOf(StationOfflineError);
  });

  it('gives a station to the instance it reconnected to, and A releasing it late changes nothing', async () => {
    await a.connect('CS-MOVED');
    await b.connect('CS-MOVED');
    await a.registry.release(TENANT, 'CS-MOVED');
    expect(await a.registry.ownerOf(TENANT, 'CS-MOVED')).toBe(b.registry.instanceId);
    await expect(a.commands.clearCache(TENANT, 'CS-MOVED')).resolves.toMatchObject({ status: 'Accepted' });
    expect(b.edge.calls.map((call) => call.stationId)).toContain('CS-MOVED');
  });

  it("sees a crashed instance's stations offline after the TTL, reported once by a survivor", async () => {
    const crashing = await startInstance({ REDIS_URL: redis.url });
    await crashing.connect('CS-C1');
    await crashing.connect('CS-C2');
    expect(await b.registry.ownerOf(TENANT, 'CS-C1')).toBe(crashing.registry.instanceId);
    const lost: StationConnectionLostEvent[] = [];
    const unsubscribe = b.bus.subscribe<StationConnectionLostEvent>(STATION_CONNECTION_LOST, (event) => {
      lost.push(event);
    });

    const crashedAt = Date.now();
    (crashing.registry as RedisStationOwnershipRegistry).abandon();
    await crashing.app.close(); // Its other connections go too; the abandoned registry releases nothing.

    await eventually(async () => (await b.registry.ownerOf(TENANT, 'CS-C1')) === undefined);
    expect(Date.now() - crashedAt).toBeLessThan(TTL_MS * 3);
    await expect(b.commands.reset(TENANT, 'CS-C2', 'Soft')).rejects.toBeInstanceOf(StationOfflineError);
    await eventually(() => lost.length === 2);
    expect(lost.map((event) => event.payload.chargingStationId).sort()).toEqual(['CS-C1', 'CS-C2']);
    expect(lost[0].payload.instanceId).toBe(crashing.registry.instanceId);
    // One sweeper in the cluster told its stations domain; nobody told it twice.
    await eventually(() => a.domain.offline.length + b.domain.offline.length === 2);
    await new Promise((resolve) => setTimeout(resolve, TTL_MS));
    expect([...a.domain.offline, ...b.domain.offline].sort()).toEqual(['CS-C1', 'CS-C2']);
    // The survivors' own stations were not touched.
    expect(await b.registry.ownerOf(TENANT, 'CS-A1')).toBe(a.registry.instanceId);
    unsubscribe();
  });

  it('answers StationOfflineError at once when the owner no longer listens for commands', async () => {
    const deaf = await startInstance({ REDIS_URL: redis.url });
    try {
      await deaf.connect('CS-D1');
      await deaf.app.get<RemoteCommandTransport, RedisCommandTransport>(RemoteCommandTransport).close();
      const started = Date.now();
      await expect(b.commands.reset(TENANT, 'CS-D1', 'Soft')).rejects.toBeInstanceOf(StationOfflineError);
      // B would wait 5.5 s for an answer; nobody subscribed on the owner's channel is known at once.
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await deaf.app.close();
    }
  });

  it('lets an instance taken for dead (a pause longer than the TTL) take its stations back', async () => {
    const paused = await startInstance({ REDIS_URL: redis.url });
    const raw = new Redis(redis.url);
    try {
      await paused.connect('CS-P1');
      const id = paused.registry.instanceId;
      // What a survivor's sweep leaves behind while the paused instance still holds the connection.
      await raw
        .multi()
        .del(`csms:instance:${id}:alive`, `csms:station-owner:acme:CS-P1`, `csms:instance:${id}:stations`)
        .srem('csms:instances', id)
        .exec();
      expect(await b.registry.ownerOf(TENANT, 'CS-P1')).toBeUndefined();
      await eventually(async () => (await b.registry.ownerOf(TENANT, 'CS-P1')) === id);
      expect(await raw.sismember('csms:instances', id)).toBe(1);
      await expect(b.commands.clearCache(TENANT, 'CS-P1')).resolves.toMatchObject({ status: 'Accepted' });
    } finally {
      await raw.quit();
      await paused.app.close();
    }
  });
});

describe('one instance without REDIS_URL', () => {
  it('runs in process: local bus and registry, commands on the local edge', async () => {
    const solo = await startInstance({});
    try {
      expect(solo.bus).toBeInstanceOf(InProcessEventBus);
      expect(solo.bus).not.toBeInstanceOf(RedisEventBus);
      expect(solo.registry).toBeInstanceOf(InMemoryStationOwnershipRegistry);
      await solo.connect('CS-1');
      await expect(solo.commands.clearCache(TENANT, 'CS-1')).resolves.toMatchObject({ status: 'Accepted' });
      await expect(solo.commands.clearCache(TENANT, 'CS-2')).rejects.toBeInstanceOf(StationOfflineError);
    } finally {
      await solo.app.close();
    }
  });
});

describe('the server with REDIS_URL', () => {
  it('runs the Redis event bus and closes its Redis connections on shutdown', async () => {
    const redis = await RedisServer.start();
    const raw = new Redis(redis.url);
    try {
      const server = await startTestApp('cluster-redis-bus', { REDIS_URL: redis.url });
      expect(server.app.get(EventBus)).toBeInstanceOf(RedisEventBus);
      expect(await raw.client('LIST')).toContain('name=csms-events-sub');
      await server.close();
      await eventually(async () => !String(await raw.client('LIST')).includes('name=csms-'));
    } finally {
      await raw.quit();
      await redis.stop();
    }
  });
});
