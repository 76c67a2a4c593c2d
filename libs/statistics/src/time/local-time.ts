import { instantOfLocal, offsetAt } from '@csms/common';

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

/** The wall clock of `timeZone` at `at`. */
export function localParts(at: Date, timeZone: string): LocalParts {
  const local = new Date(at.getTime() + offsetAt(timeZone, at.getTime()));
  const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  return { year, month, day, hour: local.getUTCHours(), weekday: weekdayOf(year, month, day) };
}

/**
 * The instant a wall clock in `timeZone` shows the start of this local hour. Where a DST gap skips
 * it, the instant the clock jumps past it; where a fold repeats it, the first one.
 */
export function instantOf(timeZone: string, year: number, month: number, day: number, hour = 0): Date {
  return new Date(instantOfLocal(timeZone, Date.UTC(year, month - 1, day, hour)));
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
