/** The value at a dotted path (`data.power`, `phases[0].w`, `[2]`) of parsed JSON; undefined when absent. */
export function valueAt(document: unknown, path: string): unknown {
  const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let current: unknown = document;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    const index = /^\[(\d+)\]$/.exec(step);
    if (index) {
      if (!Array.isArray(current)) return undefined;
      current = current[Number(index[1])];
    } else {
      if (Array.isArray(current)) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}

/** A number found at `path`: JSON numbers and numeric strings ("1234.5"); undefined otherwise. */
export function numberAt(document: unknown, path: string): number | undefined {
  const value = valueAt(document, path);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** A time found at `path`: ISO 8601, or epoch seconds / milliseconds (told apart by size). */
export function dateAt(document: unknown, path: string): Date | undefined {
  const value = valueAt(document, path);
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value < 1e11 ? value * 1000 : value);
  }
  if (typeof value === 'string') {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  return undefined;
}
