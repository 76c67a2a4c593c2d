/** A moment as a wall clock in one time zone shows it. */
export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0–23 */
  hour: number;
  /** ISO weekday: 1 is Monday, 7 Sunday. */
  weekday: number;
}

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

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClock(at: number, timeZone: string): { parts: LocalParts; minute: number; second: number } {
  const values: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = values;
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return { parts: { year, month, day, hour, weekday }, minute, second };
}

export function localParts(at: Date, timeZone: string): LocalParts {
  return wallClock(at.getTime(), timeZone).parts;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const { parts, minute, second } = wallClock(at, timeZone);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, minute, second);
  return asUtc - (at - (at % 1000));
}

/**
 * The instant a wall clock in `timeZone` shows the start of this local hour. Where a DST gap skips
 * it, the instant the clock jumps past it; where a fold repeats it, the first one.
 */
export function instantOf(timeZone: string, year: number, month: number, day: number, hour = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const showing = [first, second].filter((at) => {
    const local = wallClock(at, timeZone).parts;
    return Date.UTC(local.year, local.month - 1, local.day, local.hour) === wall;
  });
  // In a fold both show it: the first. In a gap neither does: the later lands after the jump.
  return new Date(showing.length ? Math.min(...showing) : Math.max(first, second));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "YYYY-MM-DD" of a local date. */
export function dayKey(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function monthKey(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function hourKey(hour: number): string {
  return pad(hour);
}

/** Local calendar arithmetic, independent of any zone. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function nextDay(year: number, month: number, day: number): [number, number, number] {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

export function weekdayOf(year: number, month: number, day: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

export function parseDayKey(key: string): [number, number, number] {
  const [year, month, day] = key.split('-').map(Number);
  return [year, month, day];
}

/** "YYYY-MM" of the month after a "YYYY-MM". */
export function nextMonthKey(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? monthKey(year + 1, 1) : monthKey(year, m + 1);
}
