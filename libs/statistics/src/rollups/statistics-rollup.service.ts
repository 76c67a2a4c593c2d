import { TenantId } from '@csms/common';
import { JobHandler, JobHandlers, JobResult, Job } from '@csms/database';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { SessionFact, driverKeyOf } from '../facts/session-fact';
import { SessionFactRepository } from '../facts/session-fact.repository';
import { SessionFactSource } from '../facts/session-fact.source';
import { daysOfMonth, monthsOfYear } from '../time/range-plan';
import { Bucket, BucketFamily } from './bucket';
import { foldDays, foldMonths, foldUp, regroup } from './bucket-fold';
import { StatisticsRollupRepository } from './statistics-rollup.repository';
import { StatisticsZonesRepository } from './statistics-zones.repository';

export const STATISTICS_QUEUE = 'statistics-rollups';

/** A session that stopped (or was stopped again, corrected): count it. */
export interface SessionStoppedJob {
  transactionId: string;
}

/** The groups a changed session touches, per level of the recomputation. */
class Touched {
  readonly stationDays = new Map<string, [string, string]>();
  readonly areaDays = new Map<string, [string, string]>();
  readonly siteDays = new Map<string, [string, string]>();
  readonly companyDays = new Map<string, [string, string]>();
  readonly driverMonths = new Map<string, [string, string]>();

  add(fact: SessionFact): void {
    const put = (map: Map<string, [string, string]>, owner: string, period: string) =>
      map.set(`${owner}\u0000${period}`, [owner, period]);
    put(this.stationDays, fact.chargingStationId, fact.localDay);
    put(this.areaDays, fact.siteAreaId ?? '', fact.localDay);
    put(this.siteDays, fact.siteId ?? '', fact.localDay);
    put(this.companyDays, fact.companyId ?? '', fact.localDay);
    put(this.driverMonths, driverKeyOf(fact), fact.localDay.slice(0, 7));
  }
}

/**
 * Keeps the rollups true to the session facts, as the jobs of a persistent queue (so a crash or a
 * database hiccup loses no session): a stopped session becomes its fact, then every rollup it
 * touches (before and after a correction) is recomputed from what it sums, never incremented, so
 * nothing counts twice: stations', areas' and sites' days from their sessions of the day, companies'
 * days from their sites', drivers' months from their sessions of the month, then months from days
 * and years from months. The sessions of one round share their recomputations (a reconnect storm's
 * thousands of closed sessions cost one per touched group and day).
 */
@Injectable()
export class StatisticsRollupService extends JobHandler<SessionStoppedJob> implements OnModuleInit {
  readonly queue = STATISTICS_QUEUE;
  override readonly roundSize = 500;
  override readonly retry = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 50 };

  constructor(
    private readonly handlers: JobHandlers,
    private readonly sources: SessionFactSource,
    private readonly facts: SessionFactRepository,
    private readonly rollups: StatisticsRollupRepository,
    private readonly zones: StatisticsZonesRepository,
  ) {
    super();
  }

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(job: Job<SessionStoppedJob>): Promise<JobResult | void> {
    const [result] = await this.handleRound([job]);
    return result;
  }

  override async handleRound(jobs: Job<SessionStoppedJob>[]): Promise<(JobResult | void)[]> {
    const byTenant = new Map<TenantId, Job<SessionStoppedJob>[]>();
    for (const job of jobs) byTenant.set(job.tenantId, [...(byTenant.get(job.tenantId) ?? []), job]);
    for (const [tenantId, tenantJobs] of byTenant) {
      const touched = new Touched();
      for (const job of tenantJobs) {
        const fact = await this.sources.factOf(tenantId, job.payload.transactionId);
        if (!fact) continue;
        const previous = await this.facts.put(tenantId, fact);
        await this.zones.add(tenantId, [fact.timeZone]);
        touched.add(fact);
        if (previous) touched.add(previous);
      }
      await this.recompute(tenantId, touched);
    }
    return jobs.map(() => ({ outcome: 'done' }));
  }

  private async recompute(tenantId: TenantId, touched: Touched): Promise<void> {
    const months = new Map<string, [BucketFamily, string, string]>();
    const monthOf = (family: BucketFamily, owner: string, day: string) =>
      months.set(`${family}\u0000${owner}\u0000${day.slice(0, 7)}`, [family, owner, day.slice(0, 7)]);
    const levels: [
      BucketFamily,
      Map<string, [string, string]>,
      (owner: string, day: string) => Promise<SessionFact[]>,
    ][] = [
      ['station', touched.stationDays, (owner, day) => this.facts.ofStationDay(tenantId, owner, day)],
      ['siteArea', touched.areaDays, (owner, day) => this.facts.ofSiteAreaDay(tenantId, owner, day)],
      ['site', touched.siteDays, (owner, day) => this.facts.ofSiteDay(tenantId, owner, day)],
    ];
    for (const [family, days, sessionsOf] of levels) {
      for (const [owner, day] of days.values()) {
        const buckets = foldDays(tenantId, family, await sessionsOf(owner, day));
        await this.rollups.replaceOwnerPeriods(tenantId, family, owner, 'day', [day], buckets);
        monthOf(family, owner, day);
      }
    }
    // Companies from their sites' days, which are the truth of the moment now.
    const zones = await this.zones.list(tenantId);
    for (const [owner, day] of touched.companyDays.values()) {
      const siteDays = await this.rollups.ofPeriods(tenantId, 'site', 'day', zones, [day]);
      const mine = siteDays.filter((bucket) => (bucket.companyId ?? '') === owner);
      await this.rollups.replaceOwnerPeriods(
        tenantId,
        'company',
        owner,
        'day',
        [day],
        regroup(tenantId, 'company', mine),
      );
      monthOf('company', owner, day);
    }
    const years = new Map<string, [BucketFamily, string, string]>();
    for (const [owner, month] of touched.driverMonths.values()) {
      const buckets = foldMonths(tenantId, 'driver', await this.facts.ofDriverMonth(tenantId, owner, month));
      await this.rollups.replaceOwnerPeriods(tenantId, 'driver', owner, 'month', [month], buckets);
      years.set(`driver\u0000${owner}\u0000${month.slice(0, 4)}`, ['driver', owner, month.slice(0, 4)]);
    }
    for (const [family, owner, month] of months.values()) {
      const days = await this.rollups.ofOwner(tenantId, family, owner, 'day', daysOfMonth(month));
      await this.rollups.replaceOwnerPeriods(
        tenantId,
        family,
        owner,
        'month',
        [month],
        foldUp(tenantId, days),
      );
      years.set(`${family}\u0000${owner}\u0000${month.slice(0, 4)}`, [family, owner, month.slice(0, 4)]);
    }
    for (const [family, owner, year] of years.values()) {
      const monthly: Bucket[] = await this.rollups.ofOwner(
        tenantId,
        family,
        owner,
        'month',
        monthsOfYear(year),
      );
      await this.rollups.replaceOwnerPeriods(
        tenantId,
        family,
        owner,
        'year',
        [year],
        foldUp(tenantId, monthly),
      );
    }
  }
}
