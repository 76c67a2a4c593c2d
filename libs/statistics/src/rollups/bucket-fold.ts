import { SessionFact } from '../facts/session-fact';
import { addInto, IndexedMeasures, zeroMeasures } from '../measures';
import { parseDayKey, weekdayOf } from '../time/local-time';
import { Bucket, BucketFamily, BucketKeys, BucketScale, bucketId, keysOf, ownerOf } from './bucket';

/**
 * Pure folds: sessions into daily rollups (or, for drivers, straight into monthly ones), each scale
 * into the next one up, and one family's rollups into a coarser family's. Recomputing a rollup from
 * what it sums (rather than adding deltas) is what makes a re-delivered or corrected session count once.
 */
class BucketSet {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly tenantId: string) {}

  of(family: BucketFamily, scale: BucketScale, period: string, timeZone: string, source: BucketKeys): Bucket {
    const keys = keysOf(family, source);
    const id = bucketId(this.tenantId, family, scale, period, timeZone, keys);
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = {
        id,
        family,
        scale,
        period,
        timeZone,
        owner: ownerOf(family, keys),
        ...keys,
        totals: zeroMeasures(),
        hours: new IndexedMeasures(),
        ...(scale === 'year' ? { months: new IndexedMeasures(), weekdays: new IndexedMeasures() } : {}),
        ...(scale === 'month' ? { days: new IndexedMeasures() } : {}),
      };
      this.buckets.set(id, bucket);
    }
    return bucket;
  }

  all(): Bucket[] {
    return [...this.buckets.values()];
  }
}

/** Sessions into daily rollups of `family`, by hour. */
export function foldDays(tenantId: string, family: BucketFamily, facts: readonly SessionFact[]): Bucket[] {
  const set = new BucketSet(tenantId);
  for (const fact of facts) {
    const bucket = set.of(family, 'day', fact.localDay, fact.timeZone, fact);
    addInto(bucket.totals, fact.measures);
    bucket.hours.add(fact.localHour, fact.measures);
  }
  return set.all();
}

/** Sessions straight into monthly rollups of `family`, by day and hour (drivers keep no days). */
export function foldMonths(tenantId: string, family: BucketFamily, facts: readonly SessionFact[]): Bucket[] {
  const set = new BucketSet(tenantId);
  for (const fact of facts) {
    const bucket = set.of(family, 'month', fact.localDay.slice(0, 7), fact.timeZone, fact);
    addInto(bucket.totals, fact.measures);
    bucket.days!.add(Number(fact.localDay.slice(8, 10)), fact.measures);
    bucket.hours.add(fact.localHour, fact.measures);
  }
  return set.all();
}

/** Days into their months, or months into their years (each child of the same family). */
export function foldUp(tenantId: string, children: readonly Bucket[]): Bucket[] {
  const set = new BucketSet(tenantId);
  for (const child of children) {
    const scale: BucketScale = child.scale === 'day' ? 'month' : 'year';
    const period = scale === 'month' ? child.period.slice(0, 7) : child.period.slice(0, 4);
    const bucket = set.of(child.family, scale, period, child.timeZone, child);
    addInto(bucket.totals, child.totals);
    bucket.hours.addAll(child.hours);
    if (child.scale === 'day') {
      bucket.days!.add(Number(child.period.slice(8, 10)), child.totals);
      continue;
    }
    bucket.months!.add(Number(child.period.slice(5, 7)), child.totals);
    const [year, month] = child.period.split('-').map(Number);
    child.days?.forEach((day, measures) => bucket.weekdays!.add(weekdayOf(year, month, day), measures));
  }
  return set.all();
}

/** Rollups of one family summed into a coarser one of the same scale (sites into their companies). */
export function regroup(tenantId: string, family: BucketFamily, buckets: readonly Bucket[]): Bucket[] {
  const set = new BucketSet(tenantId);
  for (const source of buckets) {
    const bucket = set.of(family, source.scale, source.period, source.timeZone, source);
    addInto(bucket.totals, source.totals);
    bucket.hours.addAll(source.hours);
    bucket.months?.addAll(source.months);
    bucket.weekdays?.addAll(source.weekdays);
    bucket.days?.addAll(source.days);
  }
  return set.all();
}

/** The weekday of a day rollup's period. */
export function weekdayOfPeriod(period: string): number {
  const [year, month, day] = parseDayKey(period);
  return weekdayOf(year, month, day);
}

/**
 * Every family's daily and monthly rollups of a set of sessions (a whole month of them, or more): what
 * a backfill writes. Years are the months folded up once every month is known.
 */
export function rollupsOfSessions(
  tenantId: string,
  facts: readonly SessionFact[],
): { days: Bucket[]; months: Bucket[] } {
  const siteDays = foldDays(tenantId, 'site', facts);
  const days = [
    ...foldDays(tenantId, 'station', facts),
    ...foldDays(tenantId, 'siteArea', facts),
    ...siteDays,
    ...regroup(tenantId, 'company', siteDays),
  ];
  const months = [...foldUp(tenantId, days), ...foldMonths(tenantId, 'driver', facts)];
  return { days, months };
}
