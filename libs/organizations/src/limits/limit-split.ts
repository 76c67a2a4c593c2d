/**
 * The share of each of `stations` stations under an area limit of `limitWatts`: an even split in
 * whole watts, rounded down so the shares never add up to more than the limit. Undefined for none.
 */
export function evenShareWatts(limitWatts: number, stations: number): number | undefined {
  if (stations <= 0) return undefined;
  return Math.floor(limitWatts / stations + 1e-9);
}

/**
 * `areaId` and every area nested under it (a fuse feeds the areas behind it), given each area's
 * parent. Areas whose parent chain loops are left out.
 */
export function areaWithSubAreas(
  areaId: string,
  parentOf: ReadonlyMap<string, string | undefined>,
): Set<string> {
  const inside = new Set<string>([areaId]);
  for (const candidate of parentOf.keys()) {
    const seen = new Set<string>();
    for (let current = parentOf.get(candidate); current !== undefined; current = parentOf.get(current)) {
      if (seen.has(current)) break;
      seen.add(current);
      if (current === areaId) {
        inside.add(candidate);
        break;
      }
    }
  }
  return inside;
}
