/** The map kept under `key` in `outer`, added empty if there is none: nested maps look up without a key string. */
export function innerMap<K, InnerK, V>(outer: Map<K, Map<InnerK, V>>, key: K): Map<InnerK, V> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map<InnerK, V>()));
  return inner;
}

/** Deletes `innerKey` from the map under `key`, and that map once it is empty; true if it was there. */
export function deleteInner<K, InnerK, V>(outer: Map<K, Map<InnerK, V>>, key: K, innerKey: InnerK): boolean {
  const inner = outer.get(key);
  if (!inner?.delete(innerKey)) return false;
  if (!inner.size) outer.delete(key);
  return true;
}

/** Entries of all the inner maps: counted when asked, so no counter can drift from the maps. */
export function innerCount<K, InnerK, V>(outer: Map<K, Map<InnerK, V>>): number {
  let count = 0;
  for (const inner of outer.values()) count += inner.size;
  return count;
}
