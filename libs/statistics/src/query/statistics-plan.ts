import { BucketFamily, FAMILIES, FAMILY_KEY_FIELDS, KeyField } from '../rollups/bucket';
import { StatisticsGroupBy } from '../models/statistics-enums';

export const GROUP_FIELDS: Record<StatisticsGroupBy, KeyField> = {
  [StatisticsGroupBy.CHARGING_STATION]: 'chargingStationId',
  [StatisticsGroupBy.USER]: 'userId',
  [StatisticsGroupBy.SITE]: 'siteId',
  [StatisticsGroupBy.SITE_AREA]: 'siteAreaId',
  [StatisticsGroupBy.COMPANY]: 'companyId',
  [StatisticsGroupBy.TAG]: 'tagId',
};

export type Condition = Record<string, unknown>;

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
 * The rollup family with the fewest groups that knows every field the query groups and filters by,
 * or null: then only the sessions themselves can answer (a driver's statistics per station, say).
 */
export function familyFor(groupField: KeyField, filterFields: ReadonlySet<string>): BucketFamily | null {
  const needed = [groupField, ...filterFields];
  return (
    FAMILIES.find((family) => {
      const known = new Set<string>(FAMILY_KEY_FIELDS[family]);
      return needed.every((field) => known.has(field));
    }) ?? null
  );
}

/** The string a condition list pins `field` to (`{field: "x"}` among them), if any. */
export function pinnedValue(conditions: readonly Condition[], field: string): string | undefined {
  for (const condition of conditions) {
    const value = condition[field];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** Whether a condition list narrows `field` to a few values (`"x"` or `{$in: [...]}`). */
export function narrows(conditions: readonly Condition[], field: string): boolean {
  return conditions.some((condition) => {
    const value = condition[field];
    return typeof value === 'string' || (isObject(value) && Array.isArray(value.$in));
  });
}

/**
 * An access rule that allows several things ({$or: [own sessions, sessions at my sites]}) as
 * disjoint parts, each answered on its own: the branches in order, each excluding the ones before
 * (so nothing counts twice), the ones on a user last (their sessions are few; sites have rollups).
 * Conditions without an $or are one part.
 */
export function disjointParts(conditions: readonly Condition[]): Condition[][] {
  const orIndex = conditions.findIndex((condition) => Array.isArray(condition.$or));
  if (orIndex < 0) return [[...conditions]];
  const rest = conditions.filter((_, index) => index !== orIndex);
  const branches = [...(conditions[orIndex].$or as Condition[])].sort(
    (a, b) => Number('userId' in a) - Number('userId' in b),
  );
  return branches.map((branch, index) => [
    ...rest,
    ...flatten(branch),
    ...(index > 0 ? [{ $nor: branches.slice(0, index) }] : []),
  ]);
}

/** A condition as a list of conditions that all hold: its $and's members, or its fields one by one. */
export function flatten(condition: Condition): Condition[] {
  if (Array.isArray(condition.$and)) return (condition.$and as Condition[]).flatMap(flatten);
  return Object.entries(condition).map(([key, value]) => ({ [key]: value }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}
