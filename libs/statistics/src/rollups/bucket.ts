import { IndexedMeasures, Measures } from '../measures';

/** The two families of rollups: per station (and where it stands), per driver (user or badge). */
export type BucketFamily = 'station' | 'driver';
export type BucketScale = 'year' | 'month' | 'day';

/** The fields that identify a rollup's group within its family, besides its period and zone. */
export const FAMILY_KEY_FIELDS = {
  station: ['chargingStationId', 'siteAreaId', 'siteId', 'companyId'],
  driver: ['userId', 'tagId', 'siteAreaId', 'siteId', 'companyId'],
} as const satisfies Record<BucketFamily, readonly KeyField[]>;

export type KeyField = 'chargingStationId' | 'userId' | 'tagId' | 'siteAreaId' | 'siteId' | 'companyId';

export type BucketKeys = Partial<Record<KeyField, string>>;

/**
 * The sums of one group over one local year, month or day. `parts` splits them by the next scale
 * down (months of a year, days of a month, hours of a day); years and months also keep them by hour
 * of day and by weekday, so those periods are answered without reading days.
 */
export interface Bucket extends BucketKeys {
  id: string;
  family: BucketFamily;
  scale: BucketScale;
  period: string;
  timeZone: string;
  /** The station, or the driver key: whose sessions are recomputed together. */
  owner: string;
  totals: Measures;
  parts: IndexedMeasures;
  hours?: IndexedMeasures;
  weekdays?: IndexedMeasures;
}

export function keysOf(family: BucketFamily, source: BucketKeys): BucketKeys {
  const keys: BucketKeys = {};
  for (const field of FAMILY_KEY_FIELDS[family]) if (source[field]) keys[field] = source[field];
  return keys;
}

/** Deterministic: the same group and period always map to the same document. */
export function bucketId(
  tenantId: string,
  family: BucketFamily,
  scale: BucketScale,
  period: string,
  timeZone: string,
  keys: BucketKeys,
): string {
  const key = FAMILY_KEY_FIELDS[family].map((field) => keys[field] ?? '').join('|');
  return `${tenantId}|${family}|${scale}|${period}|${timeZone}|${key}`;
}
