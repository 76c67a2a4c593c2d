/** `items` in runs of at most `size` (all in one when there is no limit; none when there are no items). */
export function inRunsOf<T>(items: readonly T[], size: number | undefined): (readonly T[])[] {
  if (!items.length) return [];
  if (!size || size >= items.length) return [items];
  const runs: (readonly T[])[] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}
