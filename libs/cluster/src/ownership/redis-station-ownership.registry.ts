import { TenantId, asTenantId } from '@csms/common';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ClusterOptions } from '../cluster-options';
import {
  LostStation,
  LostStationsListener,
  StationOwnershipRegistry,
  stationKey,
} from './station-ownership.registry';

/** The owner of KEYS[1] if that instance's alive key (ARGV[1] .. owner .. ARGV[2]) still exists. */
const OWNER_IF_ALIVE = `
local owner = redis.call('GET', KEYS[1])
if not owner then return false end
if redis.call('EXISTS', ARGV[1] .. owner .. ARGV[2]) == 1 then return owner end
return false`;

/** Deletes KEYS[1] only while it still names ARGV[1]: a later claim by another instance stays. */
const DELETE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;

interface HeldStation {
  tenantId: TenantId;
  stationId: string;
}

/**
 * The registry shared by the instances through Redis. Keys (under `keyPrefix`):
 * - `station-owner:<tenant>:<station>` → the holding instance's id (no expiry of its own);
 * - `instance:<id>:alive` → expires `ownershipTtlMs` after the instance's last heartbeat;
 * - `instance:<id>:stations` → the stations the instance claimed, for the sweep;
 * - `instances` → the instances that announced themselves.
 * An owner counts only while its alive key exists, so the heartbeat costs one command however many
 * stations an instance holds. Each instance also sweeps: the stations of an instance whose alive key
 * expired are cleared by the one sweeper that takes that instance's lock and reported to the
 * `onStationsLost` listeners there. The Lua scripts build keys at run time: one Redis (or a
 * primary with replicas), not Redis Cluster.
 */
export class RedisStationOwnershipRegistry extends StationOwnershipRegistry implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisStationOwnershipRegistry.name);
  private readonly held = new Map<string, HeldStation>();
  /** Claims Redis did not take (it was away): written again at the next heartbeat. */
  private readonly unclaimed = new Set<string>();
  private readonly listeners = new Set<LostStationsListener>();
  private readonly timers: NodeJS.Timeout[] = [];
  private stopped = false;

  private constructor(
    private readonly redis: Redis,
    readonly instanceId: string,
    private readonly options: Pick<ClusterOptions, 'keyPrefix' | 'ownershipTtlMs'>,
  ) {
    super();
  }

  /** Connects, announces this instance alive and starts the heartbeat and the sweep. */
  static async start(
    url: string,
    instanceId: string,
    options: Pick<ClusterOptions, 'keyPrefix' | 'ownershipTtlMs'>,
  ): Promise<RedisStationOwnershipRegistry> {
    const redis = new Redis(url, { connectionName: 'csms-ownership' });
    const registry = new RedisStationOwnershipRegistry(redis, instanceId, options);
    try {
      await registry.beat();
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    registry.every(options.ownershipTtlMs / 3, () => registry.beat(), 'heartbeat');
    registry.every(options.ownershipTtlMs / 2, () => registry.sweep(), 'sweep');
    return registry;
  }

  async claim(tenantId: TenantId, stationId: string): Promise<void> {
    const key = stationKey(tenantId, stationId);
    this.held.set(key, { tenantId, stationId });
    if (this.stopped) return;
    try {
      this.requireConnection();
      await this.redis
        .multi()
        .set(this.ownerKey(tenantId, stationId), this.instanceId)
        .sadd(this.stationsKey(this.instanceId), member({ tenantId, stationId }))
        .exec();
      this.unclaimed.delete(key);
    } catch (error) {
      this.unclaimed.add(key);
      throw error;
    }
  }

  async release(tenantId: TenantId, stationId: string): Promise<void> {
    this.held.delete(stationKey(tenantId, stationId));
    this.unclaimed.delete(stationKey(tenantId, stationId));
    if (this.stopped) return;
    await this.redis
      .multi()
      .eval(DELETE_IF_OWNER, 1, this.ownerKey(tenantId, stationId), this.instanceId)
      .srem(this.stationsKey(this.instanceId), member({ tenantId, stationId }))
      .exec();
  }

  async ownerOf(tenantId: TenantId, stationId: string): Promise<string | undefined> {
    if (this.isHeldHere(tenantId, stationId)) return this.instanceId;
    this.requireConnection();
    const owner = await this.redis.eval(
      OWNER_IF_ALIVE,
      1,
      this.ownerKey(tenantId, stationId),
      `${this.options.keyPrefix}:instance:`,
      ':alive',
    );
    return typeof owner === 'string' ? owner : undefined;
  }

  isHeldHere(tenantId: TenantId, stationId: string): boolean {
    return this.held.has(stationKey(tenantId, stationId));
  }

  onStationsLost(listener: LostStationsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Clean stop: gives up the stations still held and leaves the cluster, so nobody waits for the TTL. */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stop();
    try {
      const transaction = this.redis.multi();
      for (const station of this.held.values()) {
        transaction.eval(
          DELETE_IF_OWNER,
          1,
          this.ownerKey(station.tenantId, station.stationId),
          this.instanceId,
        );
      }
      transaction
        .del(this.stationsKey(this.instanceId), this.aliveKey(this.instanceId))
        .srem(this.instancesKey(), this.instanceId);
      await transaction.exec();
    } catch (error) {
      this.logger.warn(
        { err: error },
        'Could not leave the cluster cleanly; the others will sweep this instance',
      );
    }
    this.held.clear();
    await this.redis.quit().catch(() => undefined);
  }

  /**
   * Stops heartbeating and drops the connection without telling Redis anything: what a crash looks
   * like to the other instances (used by tests; a process that is killed does the same).
   */
  abandon(): void {
    if (this.stopped) return;
    this.stop();
    this.redis.disconnect();
  }

  /** Fails at once while Redis is away, rather than after the client's retries (seconds). */
  private requireConnection(): void {
    if (this.redis.status !== 'ready') throw new Error(`Redis is not connected (${this.redis.status})`);
  }

  private stop(): void {
    this.stopped = true;
    this.timers.forEach((timer) => clearInterval(timer));
  }

  private every(intervalMs: number, task: () => Promise<void>, name: string): void {
    let running = false;
    const timer = setInterval(() => {
      if (running || this.stopped) return;
      running = true;
      task()
        .catch((error: unknown) => this.logger.warn({ err: error }, `Cluster ${name} failed`))
        .finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  /**
   * Refreshes the alive key. When it had expired (first beat, a pause longer than the TTL, or a Redis
   * that restarted empty), announces again and takes back the stations nobody else claimed since;
   * claims Redis missed while it was away are written again.
   */
  private async beat(): Promise<void> {
    const previous = await this.redis.call(
      'SET',
      this.aliveKey(this.instanceId),
      '1',
      'PX',
      String(Math.round(this.options.ownershipTtlMs)),
      'GET',
    );
    const retried = [...this.unclaimed].flatMap((key) => {
      const station = this.held.get(key);
      return station ? [station] : [];
    });
    this.unclaimed.clear();
    if (previous !== null && retried.length === 0) return;
    const pipeline = this.redis.pipeline();
    if (previous === null) {
      pipeline.sadd(this.instancesKey(), this.instanceId);
      for (const station of this.held.values()) {
        pipeline
          .set(this.ownerKey(station.tenantId, station.stationId), this.instanceId, 'NX')
          .sadd(this.stationsKey(this.instanceId), member(station));
      }
    }
    // Connected here now, so held here: a claim that failed is this instance's to make.
    for (const station of retried) {
      pipeline
        .set(this.ownerKey(station.tenantId, station.stationId), this.instanceId)
        .sadd(this.stationsKey(this.instanceId), member(station));
    }
    await pipeline.exec();
  }

  private async sweep(): Promise<void> {
    for (const instanceId of await this.redis.smembers(this.instancesKey())) {
      if (instanceId === this.instanceId || this.stopped) continue;
      if ((await this.redis.exists(this.aliveKey(instanceId))) === 1) continue;
      const lockTtl = Math.round(this.options.ownershipTtlMs * 4);
      const locked = await this.redis.set(
        this.sweepLockKey(instanceId),
        this.instanceId,
        'PX',
        lockTtl,
        'NX',
      );
      if (locked !== 'OK') continue;
      const lost = await this.clearStationsOf(instanceId);
      await this.redis.multi().del(this.stationsKey(instanceId)).srem(this.instancesKey(), instanceId).exec();
      if (lost.length > 0) await this.notify(lost);
    }
  }

  /** Deletes the owner keys that still name the dead instance; returns those stations. */
  private async clearStationsOf(deadInstanceId: string): Promise<LostStation[]> {
    const stations = (await this.redis.smembers(this.stationsKey(deadInstanceId)))
      .map(parseMember)
      .filter((station): station is HeldStation => station !== undefined);
    if (stations.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const station of stations) {
      pipeline.eval(DELETE_IF_OWNER, 1, this.ownerKey(station.tenantId, station.stationId), deadInstanceId);
    }
    const results = (await pipeline.exec()) ?? [];
    return stations
      .filter((_station, index) => results[index]?.[1] === 1)
      .map((station) => ({ ...station, instanceId: deadInstanceId }));
  }

  private async notify(lost: LostStation[]): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(lost);
      } catch (error) {
        this.logger.error({ err: error }, 'A lost-stations listener failed');
      }
    }
  }

  private ownerKey(tenantId: string, stationId: string): string {
    return `${this.options.keyPrefix}:station-owner:${encodeURIComponent(tenantId)}:${encodeURIComponent(stationId)}`;
  }

  private aliveKey(instanceId: string): string {
    return `${this.options.keyPrefix}:instance:${instanceId}:alive`;
  }

  private stationsKey(instanceId: string): string {
    return `${this.options.keyPrefix}:instance:${instanceId}:stations`;
  }

  private sweepLockKey(instanceId: string): string {
    return `${this.options.keyPrefix}:instance:${instanceId}:sweep-lock`;
  }

  private instancesKey(): string {
    return `${this.options.keyPrefix}:instances`;
  }
}

function member(station: HeldStation): string {
  return JSON.stringify([station.tenantId, station.stationId]);
}

function parseMember(text: string): HeldStation | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string')
      return undefined;
    return { tenantId: asTenantId(parsed[0]), stationId: parsed[1] };
  } catch {
    return undefined;
  }
}
