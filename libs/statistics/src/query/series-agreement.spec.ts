import { SessionFact } from '../facts/session-fact';
import { StatisticsMeasure, StatisticsPeriod } from '../models/statistics-enums';
import { BucketFamily, FAMILY_KEY_FIELDS, KEEPS_DAYS } from '../rollups/bucket';
import { foldUp, rollupsOfSessions } from '../rollups/bucket-fold';
import { dayKey, daysInMonth } from '../time/local-time';
import { SeriesAccumulator } from './series-accumulator';

/** A year of sessions at 12 stations of 3 sites, by 20 drivers, at any day and hour. */
function yearOfSessions(count: number): SessionFact[] {
  // Spread by multiples of primes: every station, day, hour and driver, in no tidy order.
  return Array.from({ length: count }, (_, i) => {
    const station = (i * 7) % 12;
    const month = 1 + ((i * 5) % 12);
    const day = 1 + ((i * 13) % daysInMonth(2025, month));
    const user = (i * 3) % 20;
    const usage = 600 + ((i * 7919) % 20_000);
    return {
      transactionId: `T${i}`,
      chargingStationId: `CS${station}`,
      connectorId: 1,
      userId: `U${user}`,
      tagId: `B${user}`,
      siteAreaId: `A${station % 6}`,
      siteId: `S${station % 3}`,
      companyId: `C${station % 2}`,
      timeZone: 'Europe/Paris',
      startedAt: new Date(0),
      stoppedAt: new Date(0),
      localDay: dayKey(2025, month, day),
      localHour: (i * 11) % 24,
      weekday: 1,
      measures: [
        (i * 104_729) % 50_000,
        usage,
        (i * 31) % Math.floor(usage * 0.3),
        1,
        ((i * 17) % 2000) / 100,
      ],
    };
  });
}

type Series = Record<string, Record<string, number>>;

function seriesOf(accumulator: SeriesAccumulator): Series {
  // As GraphQL gives them: to a thousandth.
  const rounded = (value: number): number => Math.round(value * 1000) / 1000;
  return Object.fromEntries(
    accumulator
      .entries()
      .map(([key, values]) => [
        key,
        Object.fromEntries([...values].map(([label, value]) => [label, rounded(value)])),
      ]),
  );
}

/**
 * The coarse rollups (a year's, a month's) answer every period exactly as the finer ones (days) and
 * as the sessions themselves do: the query may serve each question from the coarsest rollup that has
 * the breakdown it needs.
 */
describe('coarse and fine rollups agree with the sessions', () => {
  const facts = yearOfSessions(3000);
  const { days, months } = rollupsOfSessions('t', facts);
  const years = foldUp('t', months);

  const periods = Object.values(StatisticsPeriod);
  const families = Object.keys(FAMILY_KEY_FIELDS) as BucketFamily[];

  it.each(families)("%s rollups of every scale give the sessions' series for every period", (family) => {
    const groupField = FAMILY_KEY_FIELDS[family][0];
    const of = <T extends { family: BucketFamily }>(buckets: T[]) =>
      buckets.filter((b) => b.family === family);
    for (const period of periods) {
      for (const measure of [
        StatisticsMeasure.CONSUMPTION,
        StatisticsMeasure.SESSIONS,
        StatisticsMeasure.INACTIVITY,
      ]) {
        const fromFacts = new SeriesAccumulator(measure, period, groupField);
        facts.forEach((fact) => fromFacts.addFact(fact));
        const expected = seriesOf(fromFacts);

        const fromMonths = new SeriesAccumulator(measure, period, groupField);
        of(months).forEach((bucket) => fromMonths.addMonth(bucket));
        expect([family, period, measure, seriesOf(fromMonths)]).toEqual([family, period, measure, expected]);

        if (period !== StatisticsPeriod.DAY) {
          const fromYears = new SeriesAccumulator(measure, period, groupField);
          of(years).forEach((bucket) => fromYears.addYear(bucket));
          expect([family, period, measure, seriesOf(fromYears)]).toEqual([family, period, measure, expected]);
        }
        if (KEEPS_DAYS[family]) {
          const fromDays = new SeriesAccumulator(measure, period, groupField);
          of(days).forEach((bucket) => fromDays.addDay(bucket));
          expect([family, period, measure, seriesOf(fromDays)]).toEqual([family, period, measure, expected]);
        }
      }
    }
  });

  it('sums zones answered apart as one accumulator would', () => {
    const whole = new SeriesAccumulator(StatisticsMeasure.USAGE, StatisticsPeriod.MONTH, 'siteId');
    const [first, second] = [0, 1].map(
      () => new SeriesAccumulator(StatisticsMeasure.USAGE, StatisticsPeriod.MONTH, 'siteId'),
    );
    facts.forEach((fact, i) => {
      whole.addFact(fact);
      (i % 2 ? first : second).addFact(fact);
    });
    const merged = new SeriesAccumulator(StatisticsMeasure.USAGE, StatisticsPeriod.MONTH, 'siteId');
    merged.absorb(first);
    merged.absorb(second);
    expect(seriesOf(merged)).toEqual(seriesOf(whole));
    expect(merged.contributions).toBe(whole.contributions);
  });
});
