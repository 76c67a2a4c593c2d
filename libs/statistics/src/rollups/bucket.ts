import { driverKeyOf } from '../facts/session-fact';
import { IndexedMeasures, Measures } from '../measures';

/**
 * The families of rollups, each grouping sessions by what one `groupBy` (and the filters it knows)
 * needs: per company, site, site area and station (each also knowing where it stands above), and per
 * driver (the user and badge). A query reads the family with the fewest groups that knows every
 * field it groups and filters by (FAMILIES, in that order).
 */
export type BucketFamily = 'company' | 'site' | 'siteArea' | 'station' | 'driver';
export type BucketScale = 'year' | 'month' | 'day';

export type KeyField = 'chargingStationId' | 'userId' | 'tagId' | 'siteAreaId' | 'siteId' | 'companyId';

export const FAMILIES: readonly BucketFamily[] = ['company', 'site', 'siteArea', 'station', 'driver'];

/** The fields that identify a rollup's group within its family, besides its period and zone. */
export const FAMILY_KEY_FIELDS = {
  company: ['companyId'],
  site: ['siteId', 'companyId'],
  siteArea: ['siteAreaId', 'siteId', 'companyId'],
  station: ['chargingStationId', 'siteAreaId', 'siteId', 'companyId'],
  driver: ['userId', 'tagId'],
} as const satisfies Record<BucketFamily, readonly KeyField[]>;

/**
 * Whether a family keeps daily rollups (hours of each day): those answer the partial days at a range's
 * edges and hours of partial months. Drivers have none (there would be about one per session): their
 * partial days are answered from the sessions.
 */
export const KEEPS_DAYS: Record<BucketFamily, boolean> = {
  company: true,
  site: true,
  siteArea: true,
  station: true,
  driver: false,
};

/** Key values; '' for a session in no such group (a station in no site, a badge without user). */
export type BucketKeys = Partial<Record<KeyField, string>>;

/**
 * The sums of one group over one local year, month or day, with the breakdowns a query needs
 * without reading the next scale down: a year by month, hour of day and weekday; a month by day and
 * hour of day; a day by hour.
 */
export interface Bucket extends BucketKeys {
  id: string;
  family: BucketFamily;
  scale: BucketScale;
  period: string;
  timeZone: string;
  /** Whose rollups are recomputed together: the station, area, site, company, or driver key. */
  owner: string;
  totals: Measures;
  hours: IndexedMeasures;
  /** Years. */
  months?: IndexedMeasures;
  weekdays?: IndexedMeasures;
  /** Months. */
  days?: IndexedMeasures;
}

export function keysOf(family: BucketFamily, source: BucketKeys): BucketKeys {
  const keys: BucketKeys = {};
  for (const field of FAMILY_KEY_FIELDS[family]) keys[field] = source[field] ?? '';
  return keys;
}

/** The group value whose rollups are recomputed together. */
export function ownerOf(family: BucketFamily, keys: BucketKeys): string {
  switch (family) {
    case 'company':
      return keys.companyId ?? '';
    case 'site':
      return keys.siteId ?? '';
    case 'siteArea':
      return keys.siteAreaId ?? '';
    case 'station':
      return keys.chargingStationId ?? '';
    case 'driver':
      return driverKeyOf({ userId: keys.userId || undefined, tagId: keys.tagId || undefined });
  }
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
