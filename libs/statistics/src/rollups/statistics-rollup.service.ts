import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { driverKeyOf, SessionFact } from '../facts/session-fact';
import { SessionFactRepository } from '../facts/session-fact.repository';
import { daysOfMonth, monthsOfYear } from '../time/range-split';
import { BucketFamily } from './bucket';
import { foldDays, foldUp } from './bucket-fold';
import { StatisticsRollupRepository } from './statistics-rollup.repository';
import { StatisticsZonesRepository } from './statistics-zones.repository';

const FAMILIES: BucketFamily[] = ['station', 'driver'];

/** One owner's day to recompute: whose sessions, and which local day. */
interface Touched {
  family: BucketFamily;
  owner: string;
  day: string;
}

/**
 * Keeps the rollups true to the session facts. A session that ends (or is corrected, or delivered
 * twice) has its fact written, then every rollup it touches (before and after a correction) is
 * recomputed from the facts it sums: never incremented, so nothing counts twice. Recomputations of
 * one owner run one after the other in this process.
 */
@Injectable()
export class StatisticsRollupService {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly facts: SessionFactRepository,
    private readonly rollups: StatisticsRollupRepository,
    private readonly zones: StatisticsZonesRepository,
  ) {}

  async record(tenantId: TenantId, fact: SessionFact): Promise<void> {
    const previous = await this.facts.put(tenantId, fact);
    await this.zones.add(tenantId, [fact.timeZone]);
    const touched = touchedBy(fact);
    if (previous) touched.push(...touchedBy(previous));
    const unique = new Map(touched.map((entry) => [`${entry.family}|${entry.owner}|${entry.day}`, entry]));
    await Promise.all([...unique.values()].map((entry) => this.recomputeSerialized(tenantId, entry)));
  }

  private recomputeSerialized(tenantId: TenantId, touched: Touched): Promise<void> {
    const key = `${tenantId}|${touched.family}|${touched.owner}`;
    const run = (this.queues.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.recompute(tenantId, touched));
    this.queues.set(key, run);
    void run
      .finally(() => {
        if (this.queues.get(key) === run) this.queues.delete(key);
      })
      .catch(() => undefined);
    return run;
  }

  /** The owner's day from its facts, then its month from its days, then its year from its months. */
  private async recompute(tenantId: TenantId, { family, owner, day }: Touched): Promise<void> {
    const facts =
      family === 'station'
        ? await this.facts.ofStationDay(tenantId, owner, day)
        : await this.facts.ofDriverDay(tenantId, owner, day);
    await this.rollups.replaceOwnerPeriods(
      tenantId,
      family,
      owner,
      'day',
      [day],
      foldDays(tenantId, family, facts),
    );
    const month = day.slice(0, 7);
    const days = await this.rollups.ofOwner(tenantId, family, owner, 'day', daysOfMonth(month));
    await this.rollups.replaceOwnerPeriods(tenantId, family, owner, 'month', [month], foldUp(tenantId, days));
    const year = day.slice(0, 4);
    const months = await this.rollups.ofOwner(tenantId, family, owner, 'month', monthsOfYear(year));
    await this.rollups.replaceOwnerPeriods(tenantId, family, owner, 'year', [year], foldUp(tenantId, months));
  }

  /**
   * Rebuilds every rollup of a local year from the facts: after a backfill, or to repair. Month by
   * month, so memory holds one month of facts at a time.
   */
  async rebuildYear(tenantId: TenantId, year: number): Promise<void> {
    await this.rollups.deleteYear(tenantId, year);
    for (const timeZone of await this.zones.list(tenantId)) {
      const months = [];
      for (const month of monthsOfYear(String(year))) {
        const facts: SessionFact[] = [];
        for await (const fact of this.facts.ofZoneDays(tenantId, timeZone, daysOfMonth(month), {})) {
          facts.push(fact);
        }
        for (const family of FAMILIES) {
          const days = foldDays(tenantId, family, facts);
          const monthly = foldUp(tenantId, days);
          await this.rollups.write(tenantId, [...days, ...monthly]);
          months.push(...monthly);
        }
      }
      await this.rollups.write(tenantId, foldUp(tenantId, months));
    }
  }
}

function touchedBy(fact: SessionFact): Touched[] {
  return [
    { family: 'station', owner: fact.chargingStationId, day: fact.localDay },
    { family: 'driver', owner: driverKeyOf(fact), day: fact.localDay },
  ];
}
