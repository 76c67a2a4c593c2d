import { SessionFact } from '../facts/session-fact';
import { Measures } from '../measures';
import { foldDays, foldUp } from './bucket-fold';

const fact = (
  id: string,
  localDay: string,
  localHour: number,
  measures: Measures,
  extra: Partial<SessionFact> = {},
): SessionFact => ({
  transactionId: id,
  chargingStationId: 'CS1',
  connectorId: 1,
  userId: 'U1',
  tagId: 'T1',
  siteId: 'S1',
  timeZone: 'Europe/Paris',
  startedAt: new Date(0),
  stoppedAt: new Date(0),
  localDay,
  localHour,
  weekday: 1,
  measures,
  ...extra,
});

describe('rollup folds', () => {
  const facts = [
    fact('a', '2025-06-02', 9, [10_000, 7200, 1800, 1, 5]),
    fact('b', '2025-06-02', 20, [5_000, 3600, 0, 1, 2.5]),
    fact('c', '2025-06-03', 20, [1_000, 600, 0, 1, 0], { userId: 'U2', tagId: 'T2' }),
    fact('d', '2025-07-01', 8, [2_000, 600, 0, 1, 1], { chargingStationId: 'CS2' }),
  ];

  it('rolls a station family up by day with hours, by month with days, hours and weekdays', () => {
    const days = foldDays('t', 'station', facts);
    expect(days.map((bucket) => [bucket.period, bucket.chargingStationId, bucket.totals[0]])).toEqual([
      ['2025-06-02', 'CS1', 15_000],
      ['2025-06-03', 'CS1', 1_000],
      ['2025-07-01', 'CS2', 2_000],
    ]);
    expect(days[0].parts.toFlat()).toEqual([9, 10_000, 7200, 1800, 1, 5, 20, 5_000, 3600, 0, 1, 2.5]);
    const months = foldUp('t', days);
    const june = months.find((bucket) => bucket.period === '2025-06')!;
    expect(june.totals).toEqual([16_000, 11_400, 1800, 3, 7.5]);
    expect(june.parts.toFlat().filter((_, i) => i % 6 === 0)).toEqual([2, 3]);
    // 2025-06-02 is a Monday, the 3rd a Tuesday.
    expect(june.weekdays!.toFlat()).toEqual([1, 15_000, 10_800, 1800, 2, 7.5, 2, 1_000, 600, 0, 1, 0]);
    expect(june.hours!.toFlat().filter((_, i) => i % 6 === 0)).toEqual([9, 20]);
    const years = foldUp('t', months);
    expect(years.map((bucket) => [bucket.period, bucket.chargingStationId, bucket.totals[3]])).toEqual([
      ['2025', 'CS1', 3],
      ['2025', 'CS2', 1],
    ]);
    expect(years[0].parts.toFlat().filter((_, i) => i % 6 === 0)).toEqual([6]);
  });

  it('keeps drivers apart by user and badge, with deterministic ids', () => {
    const days = foldDays('t', 'driver', facts);
    expect(new Set(days.map((bucket) => bucket.owner))).toEqual(new Set(['u:U1', 'u:U2']));
    expect(foldDays('t', 'driver', facts).map((bucket) => bucket.id)).toEqual(
      days.map((bucket) => bucket.id),
    );
    expect(days.every((bucket) => bucket.chargingStationId === undefined)).toBe(true);
  });
});
