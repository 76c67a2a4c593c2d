import { SessionFact } from '../facts/session-fact';
import { ENERGY, INACTIVITY, Measures, REVENUE, SESSIONS, USAGE } from '../measures';
import { Bucket, KeyField } from '../rollups/bucket';
import { dayKey, daysInMonth, hourKey, monthKey, parseDayKey, weekdayOf } from '../time/local-time';
import { StatisticsMeasure, StatisticsPeriod } from '../models/statistics-enums';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A measure's value in the unit GraphQL gives it, from the stored sums. */
export function valueOf(measure: StatisticsMeasure, measures: Readonly<Measures>): number {
  switch (measure) {
    case StatisticsMeasure.CONSUMPTION:
      return measures[ENERGY] / 1000;
    case StatisticsMeasure.USAGE:
      return measures[USAGE] / 3600;
    case StatisticsMeasure.INACTIVITY:
      return measures[INACTIVITY] / 3600;
    case StatisticsMeasure.SESSIONS:
      return measures[SESSIONS];
    case StatisticsMeasure.REVENUE:
      return measures[REVENUE];
  }
}

/**
 * Adds up one measure per group and period label, from rollups of any scale and from facts.
 * Which breakdown of a rollup serves which period is decided here, in one place.
 */
export class SeriesAccumulator {
  private readonly groups = new Map<string, Map<string, number>>();
  /** How many values were added: whether a source contributed anything. */
  contributions = 0;

  constructor(
    private readonly measure: StatisticsMeasure,
    private readonly period: StatisticsPeriod,
    private readonly groupField: KeyField,
  ) {}

  addFact(fact: SessionFact): void {
    const [year, month, day] = parseDayKey(fact.localDay);
    this.addLabelled(fact, this.labelOfDay(year, month, day, fact.localHour), fact.measures);
  }

  addBucket(bucket: Bucket): void {
    switch (this.period) {
      case StatisticsPeriod.YEAR:
        return this.addLabelled(bucket, bucket.period.slice(0, 4), bucket.totals);
      case StatisticsPeriod.MONTH:
        if (bucket.scale !== 'year')
          return this.addLabelled(bucket, bucket.period.slice(0, 7), bucket.totals);
        return bucket.parts.forEach((month, measures) =>
          this.addLabelled(bucket, monthKey(Number(bucket.period), month), measures),
        );
      case StatisticsPeriod.DAY:
        if (bucket.scale === 'day') return this.addLabelled(bucket, bucket.period, bucket.totals);
        return bucket.parts.forEach((day, measures) =>
          this.addLabelled(bucket, `${bucket.period}-${String(day).padStart(2, '0')}`, measures),
        );
      case StatisticsPeriod.HOUR: {
        const hours = bucket.scale === 'day' ? bucket.parts : bucket.hours;
        return hours?.forEach((hour, measures) => this.addLabelled(bucket, hourKey(hour), measures));
      }
      case StatisticsPeriod.DAY_OF_WEEK: {
        if (bucket.scale === 'day') {
          const [year, month, day] = parseDayKey(bucket.period);
          return this.addLabelled(bucket, WEEKDAYS[weekdayOf(year, month, day) - 1], bucket.totals);
        }
        return bucket.weekdays?.forEach((weekday, measures) =>
          this.addLabelled(bucket, WEEKDAYS[weekday - 1], measures),
        );
      }
    }
  }

  /** The groups seen, each with its values by period label. */
  entries(): [string, Map<string, number>][] {
    return [...this.groups.entries()];
  }

  private labelOfDay(year: number, month: number, day: number, hour: number): string {
    switch (this.period) {
      case StatisticsPeriod.YEAR:
        return String(year).padStart(4, '0');
      case StatisticsPeriod.MONTH:
        return monthKey(year, month);
      case StatisticsPeriod.DAY:
        return dayKey(year, month, day);
      case StatisticsPeriod.HOUR:
        return hourKey(hour);
      case StatisticsPeriod.DAY_OF_WEEK:
        return WEEKDAYS[weekdayOf(year, month, day) - 1];
    }
  }

  private addLabelled(
    source: Partial<Record<KeyField, string>>,
    label: string,
    measures: Readonly<Measures>,
  ): void {
    const value = valueOf(this.measure, measures);
    this.contributions += 1;
    const key = source[this.groupField] ?? '';
    let values = this.groups.get(key);
    if (!values) this.groups.set(key, (values = new Map<string, number>()));
    values.set(label, (values.get(label) ?? 0) + value);
  }
}

/** Every period label of the axis between two local days (inclusive), in order. */
export function axisOf(period: StatisticsPeriod, firstDay: string, lastDay: string): string[] {
  switch (period) {
    case StatisticsPeriod.HOUR:
      return Array.from({ length: 24 }, (_, hour) => hourKey(hour));
    case StatisticsPeriod.DAY_OF_WEEK:
      return [...WEEKDAYS];
    default: {
      const [y1, m1, d1] = parseDayKey(firstDay);
      const [y2, m2, d2] = parseDayKey(lastDay);
      const labels: string[] = [];
      if (period === StatisticsPeriod.YEAR) {
        for (let y = y1; y <= y2; y++) labels.push(String(y).padStart(4, '0'));
      } else if (period === StatisticsPeriod.MONTH) {
        for (
          let [y, m] = [y1, m1];
          y < y2 || (y === y2 && m <= m2);
          [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1]
        ) {
          labels.push(monthKey(y, m));
        }
      } else {
        for (let [y, m, d] = [y1, m1, d1]; dayKey(y, m, d) <= dayKey(y2, m2, d2);) {
          labels.push(dayKey(y, m, d));
          if (d < daysInMonth(y, m)) d++;
          else [y, m, d] = m === 12 ? [y + 1, 1, 1] : [y, m + 1, 1];
        }
      }
      return labels;
    }
  }
}
