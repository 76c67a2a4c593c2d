import { driverKeyOf, SessionFact } from '../facts/session-fact';
import { addInto, IndexedMeasures, zeroMeasures } from '../measures';
import { parseDayKey, weekdayOf } from '../time/local-time';
import { Bucket, BucketFamily, BucketScale, bucketId, keysOf } from './bucket';

/**
 * Pure folds from sessions to daily rollups, and from each scale to the next one up. Recomputing a
 * rollup from what it sums (rather than adding deltas) is what makes a re-delivered or corrected
 * session count once.
 */
export function ownerOf(family: BucketFamily, fact: SessionFact): string {
  return family === 'station' ? fact.chargingStationId : driverKeyOf(fact);
}

export function foldDays(tenantId: string, family: BucketFamily, facts: readonly SessionFact[]): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const fact of facts) {
    const keys = keysOf(family, fact);
    const id = bucketId(tenantId, family, 'day', fact.localDay, fact.timeZone, keys);
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = {
        id,
        family,
        scale: 'day',
        period: fact.localDay,
        timeZone: fact.timeZone,
        owner: ownerOf(family, fact),
        ...keys,
        totals: zeroMeasures(),
        parts: new IndexedMeasures(),
      };
      buckets.set(id, bucket);
    }
    addInto(bucket.totals, fact.measures);
    bucket.parts.add(fact.localHour, fact.measures);
  }
  return [...buckets.values()];
}

/** Days into their months, or months into their years. */
export function foldUp(tenantId: string, children: readonly Bucket[]): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const child of children) {
    const scale: BucketScale = child.scale === 'day' ? 'month' : 'year';
    const period = scale === 'month' ? child.period.slice(0, 7) : child.period.slice(0, 4);
    const keys = keysOf(child.family, child);
    const id = bucketId(tenantId, child.family, scale, period, child.timeZone, keys);
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = {
        id,
        family: child.family,
        scale,
        period,
        timeZone: child.timeZone,
        owner: child.owner,
        ...keys,
        totals: zeroMeasures(),
        parts: new IndexedMeasures(),
        hours: new IndexedMeasures(),
        weekdays: new IndexedMeasures(),
      };
      buckets.set(id, bucket);
    }
    addInto(bucket.totals, child.totals);
    if (child.scale === 'day') {
      const [year, month, day] = parseDayKey(child.period);
      bucket.parts.add(day, child.totals);
      bucket.hours!.addAll(child.parts);
      bucket.weekdays!.add(weekdayOf(year, month, day), child.totals);
    } else {
      bucket.parts.add(Number(child.period.slice(5, 7)), child.totals);
      bucket.hours!.addAll(child.hours);
      bucket.weekdays!.addAll(child.weekdays);
    }
  }
  return [...buckets.values()];
}
