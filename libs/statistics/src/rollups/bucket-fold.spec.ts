import { SessionFact } from '../facts/session-fact';
import { IndexedMeasures, Measures } from '../measures';
import { foldDays, foldMonths, foldUp, regroup, rollupsOfSessions } from './bucket-fold';

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
  siteAreaId: 'A1',
  siteId: 'S1',
  companyId: 'C1',
  timeZone: 'Europe/Paris',
  startedAt: new Date(0),
  stoppedAt: new Date(0),
  localDay,
  localHour,
  weekday: 1,
  measures,
  ...extra,
});

const indexes = (table: IndexedMeasures | undefined): number[] => {
  const found: number[] = [];
  table?.forEach((index) => found.push(index));
  return found;
};

describe('rollup folds', () => {
  const facts = [
    fact('a', '2025-06-02', 9, [10_000, 7200, 1800, 1, 5]),
    fact('b', '2025-06-02', 20, [5_000, 3600, 0, 1, 2.5]),
    fact('c', '2025-06-03', 20, [1_000, 600, 0, 1, 0], { userId: 'U2', tagId: 'T2' }),
    fact('d', '2025-07-01', 8, [2_000, 600, 0, 1, 1], { chargingStationId: 'CS2', siteId: 'S2' }),
  ];

  it('rolls stations up by day with hours, by month with days and hours, by year with months and weekdays', () => {
    const days = foldDays('t', 'station', facts);
    expect(days.map((bucket) => [bucket.period, bucket.chargingStationId, bucket.totals[0]])).toEqual([
      ['2025-06-02', 'CS1', 15_000],
      ['2025-06-03', 'CS1', 1_000],
      ['2025-07-01', 'CS2', 2_000],
    ]);
    expect(days[0].hours.get(9)).toEqual([10_000, 7200, 1800, 1, 5]);
    expect(indexes(days[0].hours)).toEqual([9, 20]);
    const months = foldUp('t', days);
    const june = months.find((bucket) => bucket.period === '2025-06')!;
    expect(june.totals).toEqual([16_000, 11_400, 1800, 3, 7.5]);
    expect(indexes(june.days)).toEqual([2, 3]);
    expect(indexes(june.hours)).toEqual([9, 20]);
    const years = foldUp('t', months);
    expect(years.map((bucket) => [bucket.period, bucket.chargingStationId, bucket.totals[3]])).toEqual([
      ['2025', 'CS1', 3],
      ['2025', 'CS2', 1],
    ]);
    expect(indexes(years[0].months)).toEqual([6]);
    // 2025-06-02 is a Monday (1), the 3rd a Tuesday (2).
    expect(years[0].weekdays!.get(1)).toEqual([15_000, 10_800, 1800, 2, 7.5]);
    expect(years[0].weekdays!.get(2)).toEqual([1_000, 600, 0, 1, 0]);
  });

  it('keeps drivers in monthly rollups by user and badge, with deterministic ids', () => {
    const months = foldMonths('t', 'driver', facts);
    expect(new Set(months.map((bucket) => bucket.owner))).toEqual(new Set(['u:U1', 'u:U2']));
    expect(months.every((bucket) => bucket.scale === 'month' && bucket.chargingStationId === undefined)).toBe(
      true,
    );
    expect(foldMonths('t', 'driver', facts).map((bucket) => bucket.id)).toEqual(months.map((b) => b.id));
    const u1June = months.find((bucket) => bucket.owner === 'u:U1' && bucket.period === '2025-06')!;
    expect(indexes(u1June.days)).toEqual([2]);
  });

  it('regroups sites into their companies with the same sums', () => {
    const sites = foldDays('t', 'site', facts);
    const companies = regroup('t', 'company', sites);
    expect(companies.map((bucket) => [bucket.period, bucket.companyId, bucket.totals[3]])).toEqual([
      ['2025-06-02', 'C1', 2],
      ['2025-06-03', 'C1', 1],
      ['2025-07-01', 'C1', 1],
    ]);
    expect(companies.every((bucket) => bucket.siteId === undefined)).toBe(true);
  });

  it('gives a backfill every family of a set of sessions, each counting every session once', () => {
    const { days, months } = rollupsOfSessions('t', facts);
    for (const family of ['company', 'site', 'siteArea', 'station'] as const) {
      const sessions = days.filter((b) => b.family === family).reduce((sum, b) => sum + b.totals[3], 0);
      expect([family, sessions]).toEqual([family, 4]);
    }
    const driverSessions = months
      .filter((b) => b.family === 'driver')
      .reduce((sum, b) => sum + b.totals[3], 0);
    expect(driverSessions).toBe(4);
    expect(months.filter((b) => b.family === 'site').map((b) => [b.siteId, b.period])).toEqual([
      ['S1', '2025-06'],
      ['S2', '2025-07'],
    ]);
  });
});
