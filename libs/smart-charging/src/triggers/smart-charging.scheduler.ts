import { hasRole } from '@csms/cluster';
import { APP_CONFIG, AppConfig, TenantId, asTenantId } from '@csms/common';
import { JobLock } from '@csms/housekeeping';
import { SiteAreaService } from '@csms/organizations';
import { TenantService } from '@csms/users';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { SiteAreaLoadRepository } from '../load/site-area-load.repository';
import { SmartChargingPlanRepository } from '../plans/smart-charging-plan.repository';
import { StoredPlan } from '../plans/stored-plan';
import { SmartChargingRunner } from '../planning/smart-charging.runner';
import { SnapshotReader } from '../planning/snapshot.reader';
import { SMART_CHARGING_LOCK } from './smart-charging-lock';

/** A run holds its tree's lock at most this long (retries of a silent station included). */
const LOCK_TTL_MS = 5 * 60_000;
/** How often an instance looks for trees due a periodic run. */
const PERIODIC_TICK_MS = 60_000;
const DAY_MS = 86_400_000;
/** A trigger that finds the tree's lock taken is tried again this many times, a debounce apart. */
const LOCKED_RETRIES = 30;

/**
 * When smart charging plans: triggers of one tree arriving within SMART_CHARGING_DEBOUNCE_MS become
 * one run; one run per tree at a time in this instance, and across instances through a database lock
 * (the housekeeping lease, per tree); a trigger during a run plans again after it. Instances with the
 * `worker` role also plan every tree whose last plan is older than SMART_CHARGING_PERIOD_SECONDS,
 * and purge old load curves.
 */
@Injectable()
export class SmartChargingScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SmartChargingScheduler.name);
  private readonly debounceMs: number;
  private readonly periodMs: number;
  private readonly loadRetentionDays: number;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<StoredPlan | null>>();
  /** The earliest trigger that came while its tree was running here: planned again after, unless seen. */
  private readonly againSince = new Map<string, number>();
  /** When each tree's latest run here began: a trigger older than that was seen by the run. */
  private readonly runStartedAt = new Map<string, number>();
  private periodic?: NodeJS.Timeout;
  private lastPurge = 0;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMART_CHARGING_LOCK) private readonly lock: JobLock,
    private readonly reader: SnapshotReader,
    private readonly runner: SmartChargingRunner,
    private readonly plans: SmartChargingPlanRepository,
    private readonly loads: SiteAreaLoadRepository,
    private readonly siteAreas: SiteAreaService,
    private readonly tenants: TenantService,
  ) {
    this.debounceMs = config.SMART_CHARGING_DEBOUNCE_MS;
    this.periodMs = config.SMART_CHARGING_PERIOD_SECONDS * 1000;
    this.loadRetentionDays = config.SITE_AREA_LOAD_RETENTION_DAYS;
  }

  onApplicationBootstrap(): void {
    if (!hasRole(this.config, 'worker')) return;
    this.periodic = setInterval(
      () => void this.periodicTick(),
      Math.min(PERIODIC_TICK_MS, this.periodMs / 2),
    );
    this.periodic.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.periodic);
    this.timers.forEach((timer) => clearTimeout(timer));
    await Promise.allSettled(this.running.values());
  }

  /** Plans the tree of `siteAreaId` soon (debounced). */
  schedule(tenantId: TenantId, siteAreaId: string, attempt = 0): void {
    if (this.stopped) return;
    const key = `${tenantId}\u0000${siteAreaId}`;
    if (this.timers.has(key)) return;
    const triggeredAt = Date.now();
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.runTree(tenantId, siteAreaId, attempt, undefined, triggeredAt);
    }, this.debounceMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Plans the tree of `siteAreaId` now and returns its plan (null: the area does not exist). */
  async runNow(tenantId: TenantId, siteAreaId: string): Promise<StoredPlan | null> {
    const tree = await this.reader.treeOf(tenantId, siteAreaId);
    if (!tree) return null;
    // A run here that began before this call may have read the tree before what the caller changed.
    await this.running.get(`${tenantId}\u0000${tree.root.id}`);
    for (let attempt = 0; attempt < LOCKED_RETRIES; attempt++) {
      const plan = await this.runTree(tenantId, siteAreaId, LOCKED_RETRIES);
      if (plan) return plan;
      if (!(await this.reader.treeOf(tenantId, siteAreaId))) return null;
      await sleep(Math.max(200, this.debounceMs));
    }
    return this.plans.containing(tenantId, siteAreaId);
  }

  private async runTree(
    tenantId: TenantId,
    siteAreaId: string,
    attempt: number,
    olderThanMs?: number,
    triggeredAt?: number,
  ): Promise<StoredPlan | null> {
    const tree = await this.reader.treeOf(tenantId, siteAreaId).catch((error: unknown) => {
      this.logger.error({ err: error, tenantId, siteAreaId }, 'Could not read a site-area tree');
      return null;
    });
    if (!tree) return null;
    const key = `${tenantId}\u0000${tree.root.id}`;
    const inProgress = this.running.get(key);
    // Triggers of several areas of one tree wait apart: the first run covers those before it began.
    const startedAt = this.runStartedAt.get(key);
    if (triggeredAt !== undefined && startedAt !== undefined && triggeredAt < startedAt) {
      return inProgress ?? null;
    }
    if (inProgress) {
      const since = triggeredAt ?? Date.now();
      this.againSince.set(key, Math.min(this.againSince.get(key) ?? since, since));
      return inProgress;
    }
    const run = this.locked(tenantId, tree.root.id, tree, olderThanMs)
      .catch((error: unknown) => {
        this.logger.error({ err: error, tenantId, rootAreaId: tree.root.id }, 'Smart charging run failed');
        return null;
      })
      .finally(() => {
        this.running.delete(key);
        const since = this.againSince.get(key);
        this.againSince.delete(key);
        // A trigger before the run began reading the tree was seen by it.
        if (since !== undefined && since >= (this.runStartedAt.get(key) ?? -Infinity)) {
          this.schedule(tenantId, tree.root.id);
        }
      });
    this.running.set(key, run);
    const plan = await run;
    if (plan === undefined || plan === null) {
      // Another instance holds the tree: try again once it is likely done.
      if (attempt < LOCKED_RETRIES && olderThanMs === undefined)
        this.schedule(tenantId, tree.root.id, attempt + 1);
      return null;
    }
    return plan;
  }

  private async locked(
    tenantId: TenantId,
    rootId: string,
    tree: NonNullable<Awaited<ReturnType<SnapshotReader['treeOf']>>>,
    olderThanMs?: number,
  ): Promise<StoredPlan | null> {
    const lease = await this.lock.acquire(`smart-charging:${tenantId}:${rootId}`, LOCK_TTL_MS);
    if (!lease) return null;
    try {
      if (olderThanMs !== undefined) {
        const last = await this.plans.ofRoot(tenantId, rootId);
        if (last && Date.now() - last.computedAt.getTime() < olderThanMs) return last;
      }
      const key = `${tenantId}\u0000${rootId}`;
      const previousStart = this.runStartedAt.get(key);
      this.runStartedAt.set(key, Date.now());
      try {
        return await this.runner.run(tenantId, tree.root, tree.areas);
      } catch (error) {
        // Nothing was planned: the triggers this run would have covered still need one.
        if (previousStart === undefined) this.runStartedAt.delete(key);
        else this.runStartedAt.set(key, previousStart);
        throw error;
      }
    } finally {
      await lease.release();
    }
  }

  private async periodicTick(): Promise<void> {
    try {
      for (const tenant of await this.tenants.list()) {
        const tenantId = asTenantId(tenant.id);
        const areas = await this.siteAreas.withSmartCharging(tenantId);
        const planned = new Set<string>();
        for (const area of areas) {
          if (planned.has(area.id)) continue;
          const plan = await this.runTree(tenantId, area.id, LOCKED_RETRIES, this.periodMs);
          plan?.areaIds.forEach((id) => planned.add(id));
          if (this.stopped) return;
        }
        await this.purgeLoads(tenantId);
      }
      this.lastPurge = Date.now();
    } catch (error) {
      this.logger.error({ err: error }, 'Periodic smart charging failed');
    }
  }

  private async purgeLoads(tenantId: TenantId): Promise<void> {
    if (this.loadRetentionDays <= 0 || Date.now() - this.lastPurge < 3_600_000) return;
    await this.loads.deleteBefore(tenantId, new Date(Date.now() - this.loadRetentionDays * DAY_MS));
  }
}
