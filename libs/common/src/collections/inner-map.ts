/** The map kept under `key` in `outer`, added empty if there is none: nested maps look up without a key string. */
export function innerMap<K, InnerK, V>(outer: Map<K, Map<InnerK, V>>, key: K): Map<InnerK, V> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map<InnerK, V>()));
  return inner;
}
