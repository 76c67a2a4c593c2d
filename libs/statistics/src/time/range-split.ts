import { daysInMonth, dayKey, instantOf, localParts, monthKey, nextDay } from './local-time';

/**
 * A part of a queried range: a whole local year, month or day (answered by the rollup of that
 * size), or what is left at the edges (answered from the sessions themselves).
 */
export type RangePart =
  | { scale: 'year'; period: string }
  | { scale: 'month'; period: string }
  | { scale: 'day'; period: string }
  | { scale: 'raw'; day: string; from: Date; to: Date };

export interface SplitOptions {
  /** Whole years may be answered by yearly rollups (not when days are asked for: a year holds no days). */
  years: boolean;
}

/**
 * Splits [from, to) as the wall clock of `timeZone` divides it, largest parts first: whole years,
 * then whole months, then whole days; an edge that is not a whole local day is raw.
 */
export function splitRange(from: Date, to: Date, timeZone: string, options: SplitOptions): RangePart[] {
  const parts: RangePart[] = [];
  if (to.getTime() <= from.getTime()) return parts;
  const first = localParts(from, timeZone);
  let [year, month, day] = [first.year, first.month, first.day];
  let start = instantOf(timeZone, year, month, day);
  if (start.getTime() !== from.getTime()) {
    [year, month, day] = nextDay(year, month, day);
    const next = instantOf(timeZone, year, month, day);
    parts.push({ scale: 'raw', day: dayKey(first.year, first.month, first.day), from, to: min(next, to) });
    start = next;
  }
  while (start.getTime() < to.getTime()) {
    if (options.years && month === 1 && day === 1) {
      const end = instantOf(timeZone, year + 1, 1, 1);
      if (end.getTime() <= to.getTime()) {
        parts.push({ scale: 'year', period: String(year).padStart(4, '0') });
        [year, start] = [year + 1, end];
        continue;
      }
    }
    if (day === 1) {
      const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
      const end = instantOf(timeZone, nextYear, nextMonth, 1);
      if (end.getTime() <= to.getTime()) {
        parts.push({ scale: 'month', period: monthKey(year, month) });
        [year, month, start] = [nextYear, nextMonth, end];
        continue;
      }
    }
    const [nextYear, nextMonth, nextDate] = nextDay(year, month, day);
    const end = instantOf(timeZone, nextYear, nextMonth, nextDate);
    if (end.getTime() <= to.getTime()) parts.push({ scale: 'day', period: dayKey(year, month, day) });
    else parts.push({ scale: 'raw', day: dayKey(year, month, day), from: start, to });
    [year, month, day, start] = [nextYear, nextMonth, nextDate, end];
  }
  return parts;
}

function min(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** The days of a local month, as "YYYY-MM-DD". */
export function daysOfMonth(period: string): string[] {
  const [year, month] = period.split('-').map(Number);
  return Array.from({ length: daysInMonth(year, month) }, (_, i) => dayKey(year, month, i + 1));
}

/** The months of a local year, as "YYYY-MM". */
export function monthsOfYear(period: string): string[] {
  const year = Number(period);
  return Array.from({ length: 12 }, (_, i) => monthKey(year, i + 1));
}
