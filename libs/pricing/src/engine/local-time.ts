import { offsetAt } from '@csms/common';
import { DayOfWeek } from '../model/tariff';

/** An instant as read on the site's clock. */
export interface LocalTime {
  /** "YYYY-MM-DD" */
  date: string;
  /** Milliseconds since local midnight. */
  msOfDay: number;
  dayOfWeek: DayOfWeek;
}

const DAY_MS = 86_400_000;
const WEEKDAYS: DayOfWeek[] = [
  DayOfWeek.SUNDAY,
  DayOfWeek.MONDAY,
  DayOfWeek.TUESDAY,
  DayOfWeek.WEDNESDAY,
  DayOfWeek.THURSDAY,
  DayOfWeek.FRIDAY,
  DayOfWeek.SATURDAY,
];

/** The local date, time of day and weekday of an instant. */
export function localTimeOf(timeZone: string, instantMs: number): LocalTime {
  const local = instantMs + offsetAt(timeZone, instantMs);
  const msOfDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  const midnight = new Date(local - msOfDay);
  return {
    date: midnight.toISOString().slice(0, 10),
    msOfDay,
    dayOfWeek: WEEKDAYS[midnight.getUTCDay()],
  };
}

/** Local midnights ("YYYY-MM-DD" at 00:00, as wall-clock ms) from the day of `fromMs` to that of `toMs`. */
export function localDaysBetween(timeZone: string, fromMs: number, toMs: number): number[] {
  const first = fromMs + offsetAt(timeZone, fromMs);
  const last = toMs + offsetAt(timeZone, toMs);
  const days: number[] = [];
  for (let day = first - (((first % DAY_MS) + DAY_MS) % DAY_MS); day <= last; day += DAY_MS) days.push(day);
  return days;
}

/** "HH:MM" → ms since midnight. */
export function msOfClock(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours * 60 + minutes) * 60_000;
}
