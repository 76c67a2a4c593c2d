import { SiteArea } from '@csms/organizations';

/** The top area of `areaId`'s tree (its fuse carries everything below it). */
export function rootOf(areaId: string, areas: readonly SiteArea[]): string {
  const byId = new Map(areas.map((area) => [area.id, area]));
  const seen = new Set<string>();
  let current = areaId;
  for (let parent = byId.get(current)?.parentSiteAreaId; parent && byId.has(parent) && !seen.has(parent);) {
    seen.add(current);
    current = parent;
    parent = byId.get(current)?.parentSiteAreaId;
  }
  return current;
}

/** `rootId` and every area nested under it. */
export function treeOf(rootId: string, areas: readonly SiteArea[]): SiteArea[] {
  return areas.filter((area) => rootOf(area.id, areas) === rootId);
}

/** `areaId` and every area nested under it. */
export function subtreeIds(areaId: string, areas: readonly SiteArea[]): Set<string> {
  const byId = new Map(areas.map((area) => [area.id, area]));
  const inside = new Set<string>();
  for (const area of areas) {
    const seen = new Set<string>();
    for (let current: SiteArea | undefined = area; current && !seen.has(current.id);) {
      seen.add(current.id);
      if (current.id === areaId) {
        inside.add(area.id);
        break;
      }
      current = current.parentSiteAreaId ? byId.get(current.parentSiteAreaId) : undefined;
    }
  }
  return inside;
}
