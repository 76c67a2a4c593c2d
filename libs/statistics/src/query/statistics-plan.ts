import { BucketFamily, FAMILY_KEY_FIELDS, KeyField } from '../rollups/bucket';
import { StatisticsGroupBy } from '../models/statistics-enums';

export const GROUP_FIELDS: Record<StatisticsGroupBy, KeyField> = {
  [StatisticsGroupBy.CHARGING_STATION]: 'chargingStationId',
  [StatisticsGroupBy.USER]: 'userId',
  [StatisticsGroupBy.SITE]: 'siteId',
  [StatisticsGroupBy.SITE_AREA]: 'siteAreaId',
  [StatisticsGroupBy.COMPANY]: 'companyId',
  [StatisticsGroupBy.TAG]: 'tagId',
};

/** The document fields a MongoDB query condition names (operators skipped). */
export function fieldsOf(query: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(query)) query.forEach((item) => fieldsOf(item, into));
  else if (query && typeof query === 'object' && !(query instanceof Date)) {
    for (const [key, value] of Object.entries(query)) {
      if (key.startsWith('$')) fieldsOf(value, into);
      else into.add(key);
    }
  }
  return into;
}

/**
 * The rollup family that knows every field the query groups and filters by, or null: then only the
 * sessions themselves can answer (a driver's statistics per station, say; few sessions).
 */
export function familyFor(groupField: KeyField, filterFields: ReadonlySet<string>): BucketFamily | null {
  const needed = [groupField, ...filterFields];
  for (const family of ['station', 'driver'] as const) {
    const known = new Set<string>(FAMILY_KEY_FIELDS[family]);
    if (needed.every((field) => known.has(field))) return family;
  }
  return null;
}
