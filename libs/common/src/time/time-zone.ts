/**
 * IANA time zones, read through Intl once and cached: what pricing (restrictions on the site's clock)
 * and statistics (local days and months) both need.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offsets are read from Intl (slow: tens of µs) once per quarter hour of time and zone. */
const QUARTER_HOUR_MS = 900_000;
const MAX_CACHED_OFFSETS = 100_000;
const offsetCache = new Map<string, number>();

/** The UTC offset of `timeZone` at `instantMs`, in ms (local = UTC + offset). */
export function offsetAt(timeZone: string, instantMs: number): number {
  if (timeZone === 'UTC') return 0;
  const quarter = Math.floor(instantMs / QUARTER_HOUR_MS);
  const key = `${timeZone}\u0000${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const start = intlOffsetAt(timeZone, quarter * QUARTER_HOUR_MS);
  // A quarter hour with a change of offset inside it (none in today's zones, but history has them) is not cached.
  if (start !== intlOffsetAt(timeZone, (quarter + 1) * QUARTER_HOUR_MS - 1))
    return intlOffsetAt(timeZone, instantMs);
  if (offsetCache.size >= MAX_CACHED_OFFSETS) offsetCache.clear();
  offsetCache.set(key, start);
  return start;
}

function intlOffsetAt(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const wholeSeconds = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wallClock - wholeSeconds;
}

/**
 * The instant the site's clock shows `localMs` (wall-clock ms since the epoch, as if UTC). A wall
 * time skipped by a DST change maps to the instant just after the gap; a repeated one to its first
 * occurrence.
 */
export function instantOfLocal(timeZone: string, localMs: number): number {
  const first = localMs - offsetAt(timeZone, localMs);
  const second = localMs - offsetAt(timeZone, first);
  if (first === second) return first;
  // Around a change the two guesses differ: take the earlier one that shows this wall time, else the later.
  const earlier = Math.min(first, second);
  return earlier + offsetAt(timeZone, earlier) === localMs ? earlier : Math.max(first, second);
}
