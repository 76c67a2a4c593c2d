/**
 * Whether making `parentId` the parent of `areaId` would close a loop in the site-area tree (nested
 * fuses), given each area's current parent. Walks up from the new parent: meeting `areaId` (or an
 * area seen before, should stored data already loop) means a cycle.
 */
export function createsCycle(
  areaId: string,
  parentId: string,
  parentOf: ReadonlyMap<string, string | undefined>,
): boolean {
  const seen = new Set<string>();
  for (let current: string | undefined = parentId; current !== undefined; current = parentOf.get(current)) {
    if (current === areaId || seen.has(current)) return true;
    seen.add(current);
  }
  return false;
}
