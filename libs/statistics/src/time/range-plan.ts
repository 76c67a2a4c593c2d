import { dayKey, daysInMonth, instantOf, localParts, monthKey, nextDay, parseDayKey } from './local-time';

/** A local day only partly in the range: its whole local hours, and what is left of it (instants). */
export interface PartialDay {
  day: string;
  hours: number[];
  rest: { from: Date; to: Date }[];
}

/**
 * How a zone's wall clock divides [from, to): whole local years, whole months, the whole days of
 * months only partly covered, and up to two partial days at the edges. Each part is answered by the
 * rollup of its size; what no rollup covers (parts of hours) by the sessions themselves.
 */
export interface RangePlan {
  years: string[];
  months: string[];
  /** Whole days of months not wholly in the range, by month ("YYYY-MM" → days of the month). */
  partialMonths: { month: string; days: number[] }[];
  partialDays: PartialDay[];
  /** The first and last local day the range touches, "YYYY-MM-DD" (the axis of a series). */
  firstDay: string;
  lastDay: string;
}

export interface PlanOptions {
  /** Whole years may be answered by yearly rollups (not when days are asked for: a year keeps no days). */
  years: boolean;
}

/** Only the first and last local days of a range can be partial: every day between is whole. */
export function planRange(from: Date, to: Date, timeZone: string, options: PlanOptions): RangePlan | null {
  if (to.getTime() <= from.getTime()) return null;
  const first = localParts(from, timeZone);
  const last = localParts(new Date(to.getTime() - 1), timeZone);
  const firstDay = dayKey(first.year, first.month, first.day);
  const lastDay = dayKey(last.year, last.month, last.day);
  const plan: RangePlan = { years: [], months: [], partialMonths: [], partialDays: [], firstDay, lastDay };
  const startOf = (day: string): Date => instantOf(timeZone, ...parseDayKey(day));
  const endOf = (day: string): Date => instantOf(timeZone, ...nextDay(...parseDayKey(day)));

  let wholeFrom: string | null = firstDay;
  let wholeTo: string | null = lastDay;
  if (startOf(firstDay).getTime() < from.getTime() || (firstDay === lastDay && endOf(firstDay) > to)) {
    plan.partialDays.push(partialDay(firstDay, from, to, timeZone));
    wholeFrom = firstDay === lastDay ? null : dayKey(...nextDay(...parseDayKey(firstDay)));
  }
  if (firstDay !== lastDay && endOf(lastDay).getTime() > to.getTime()) {
    plan.partialDays.push(partialDay(lastDay, from, to, timeZone));
    wholeTo = dayKey(...previousDay(...parseDayKey(lastDay)));
  }
  if (wholeFrom && wholeTo && wholeFrom <= wholeTo) splitWholeDays(wholeFrom, wholeTo, options, plan);
  return plan;
}

/** The whole local hours of `day` inside [from, to), and the intervals of it left over. */
function partialDay(day: string, from: Date, to: Date, timeZone: string): PartialDay {
  const [year, month, date] = parseDayKey(day);
  const boundaries = Array.from({ length: 24 }, (_, hour) => instantOf(timeZone, year, month, date, hour));
  boundaries.push(instantOf(timeZone, ...nextDay(year, month, date)));
  const result: PartialDay = { day, hours: [], rest: [] };
  for (let hour = 0; hour < 24; hour++) {
    // A DST gap's skipped hour spans nothing; a fold's repeated hour spans both of its occurrences.
    const start = Math.max(boundaries[hour].getTime(), from.getTime());
    const end = Math.min(boundaries[hour + 1].getTime(), to.getTime());
    if (end <= start) continue;
    if (start === boundaries[hour].getTime() && end === boundaries[hour + 1].getTime()) {
      result.hours.push(hour);
      continue;
    }
    const previous = result.rest.at(-1);
    if (previous && previous.to.getTime() === start) previous.to = new Date(end);
    else result.rest.push({ from: new Date(start), to: new Date(end) });
  }
  return result;
}

/** Whole days [fromDay, toDay] (inclusive) into whole years, whole months and the days of the others. */
function splitWholeDays(fromDay: string, toDay: string, options: PlanOptions, plan: RangePlan): void {
  let [year, month, day] = parseDayKey(fromDay);
  const [lastYear, lastMonth, lastDate] = parseDayKey(toDay);
  const before = (y: number, m: number): boolean => y < lastYear || (y === lastYear && m < lastMonth);
  while (before(year, month) || (year === lastYear && month === lastMonth)) {
    const monthEnd = year === lastYear && month === lastMonth ? lastDate : daysInMonth(year, month);
    const wholeMonth = day === 1 && monthEnd === daysInMonth(year, month);
    if (
      wholeMonth &&
      month === 1 &&
      options.years &&
      (year < lastYear || (lastMonth === 12 && lastDate === 31))
    ) {
      plan.years.push(String(year).padStart(4, '0'));
      [year, month, day] = [year + 1, 1, 1];
      continue;
    }
    if (wholeMonth) plan.months.push(monthKey(year, month));
    else {
      plan.partialMonths.push({
        month: monthKey(year, month),
        days: Array.from({ length: monthEnd - day + 1 }, (_, i) => day + i),
      });
    }
    [year, month, day] = month === 12 ? [year + 1, 1, 1] : [year, month + 1, 1];
  }
}

function previousDay(year: number, month: number, day: number): [number, number, number] {
  const previous = new Date(Date.UTC(year, month - 1, day - 1));
  return [previous.getUTCFullYear(), previous.getUTCMonth() + 1, previous.getUTCDate()];
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
