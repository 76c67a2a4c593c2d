import { innerMap } from '@csms/common';
import { SessionFact } from '../facts/session-fact';
import { ENERGY, INACTIVITY, Measures, REVENUE, SESSIONS, USAGE } from '../measures';
import { Bucket, KeyField } from '../rollups/bucket';
import { dayKey, daysInMonth, hourKey, monthKey, parseDayKey, weekdayOf } from '../time/local-time';
import { StatisticsMeasure, StatisticsPeriod } from '../models/statistics-enums';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Where a measure is stored, and what turns its stored unit (Wh, s) into the one GraphQL gives. */
const STORED: Record<StatisticsMeasure, { index: number; per: number }> = {
  [StatisticsMeasure.CONSUMPTION]: { index: ENERGY, per: 1000 },
  [StatisticsMeasure.USAGE]: { index: USAGE, per: 3600 },
  [StatisticsMeasure.INACTIVITY]: { index: INACTIVITY, per: 3600 },
  [StatisticsMeasure.SESSIONS]: { index: SESSIONS, per: 1 },
  [StatisticsMeasure.REVENUE]: { index: REVENUE, per: 1 },
};

/** A measure's value in the unit GraphQL gives it, from the stored sums. */
export function valueOf(measure: StatisticsMeasure, measures: Readonly<Measures>): number {
  return measures[STORED[measure].index] / STORED[measure].per;
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

  /** A whole year's rollup (not for DAY: a year keeps no days). */
  addYear(bucket: Bucket): void {
    const year = Number(bucket.period);
    switch (this.period) {
      case StatisticsPeriod.YEAR:
        return this.addLabelled(bucket, bucket.period, bucket.totals);
      case StatisticsPeriod.MONTH:
        return bucket.months?.forEach((month, measures) =>
          this.addLabelled(bucket, monthKey(year, month), measures),
        );
      case StatisticsPeriod.HOUR:
        return bucket.hours.forEach((hour, measures) => this.addLabelled(bucket, hourKey(hour), measures));
      case StatisticsPeriod.DAY_OF_WEEK:
        return bucket.weekdays?.forEach((weekday, measures) =>
          this.addLabelled(bucket, WEEKDAYS[weekday - 1], measures),
        );
      case StatisticsPeriod.DAY:
        throw new Error('A yearly rollup keeps no days');
    }
  }

  /**
   * A month's rollup: all of it, or only `days` of it (not for HOUR: a month keeps its hours only
   * for the whole month).
   */
  addMonth(bucket: Bucket, days?: readonly number[]): void {
    const [year, month] = bucket.period.split('-').map(Number);
    if (!days) {
      if (this.period === StatisticsPeriod.HOUR) {
        return bucket.hours.forEach((hour, measures) => this.addLabelled(bucket, hourKey(hour), measures));
      }
      if (this.period === StatisticsPeriod.YEAR || this.period === StatisticsPeriod.MONTH) {
        return this.addLabelled(bucket, this.labelOfDay(year, month, 1, 0), bucket.totals);
      }
    } else if (this.period === StatisticsPeriod.HOUR) {
      throw new Error('A monthly rollup keeps no hours by day');
    }
    const wanted = days ? new Set(days) : undefined;
    bucket.days?.forEach((day, measures) => {
      if (!wanted || wanted.has(day))
        this.addLabelled(bucket, this.labelOfDay(year, month, day, 0), measures);
    });
  }

  /** A day's rollup: all of it, or only `hours` of it. */
  addDay(bucket: Bucket, hours?: readonly number[]): void {
    const [year, month, day] = parseDayKey(bucket.period);
    const wanted = hours ? new Set(hours) : undefined;
    if (!wanted && this.period !== StatisticsPeriod.HOUR) {
      return this.addLabelled(bucket, this.labelOfDay(year, month, day, 0), bucket.totals);
    }
    bucket.hours.forEach((hour, measures) => {
      if (!wanted || wanted.has(hour))
        this.addLabelled(bucket, this.labelOfDay(year, month, day, hour), measures);
    });
  }

  /** Adds what another accumulator of the same measure and period summed (another zone's). */
  absorb(other: SeriesAccumulator): void {
    for (const [key, labelled] of other.groups) {
      const values = innerMap(this.groups, key);
      for (const [label, value] of labelled) values.set(label, (values.get(label) ?? 0) + value);
    }
    this.contributions += other.contributions;
  }

  /**
   * The groups seen, each with its values by period label. Sums are kept in the stored unit and
   * converted here, once: a sum of Wh is exact where a sum of kWh is not, so rollups and sessions,
   * added up in any order, give the same figures.
   */
  entries(): [string, Map<string, number>][] {
    const { per } = STORED[this.measure];
    return [...this.groups].map(([key, values]) => [
      key,
      new Map([...values].map(([label, value]) => [label, value / per])),
    ]);
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
    const value = measures[STORED[this.measure].index];
    this.contributions += 1;
    const key = source[this.groupField] ?? '';
    const values = innerMap(this.groups, key);
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
