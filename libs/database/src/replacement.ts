/**
 * An update that sets a document's fields to `fields`: those given are $set, those left undefined are
 * $unset (MongoDB refuses an empty $unset, so it is left out when nothing is removed).
 */
export function replacementOf(fields: object): { $set: Record<string, unknown>; $unset?: Record<string, 1> } {
  const entries = Object.entries(fields);
  const $set = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  const removed = entries.filter(([, value]) => value === undefined).map(([key]) => key);
  if (!removed.length) return { $set };
  return { $set, $unset: Object.fromEntries(removed.map((key): [string, 1] => [key, 1])) };
}
