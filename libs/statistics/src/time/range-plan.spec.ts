import { instantOf, localParts } from './local-time';
import { daysOfMonth, monthsOfYear, planRange } from './range-plan';

describe('local time', () => {
  it('reads the wall clock of a zone, weekday included', () => {
    // 2024-03-31 01:30 UTC is 03:30 in Paris (summer time began at 02:00 local), a Sunday.
    expect(localParts(new Date('2024-03-31T01:30:00Z'), 'Europe/Paris')).toEqual({
      year: 2024,
      month: 3,
      day: 31,
      hour: 3,
      weekday: 7,
    });
  });

  it('finds the instant of a local midnight across DST changes', () => {
    expect(instantOf('Europe/Paris', 2024, 3, 31).toISOString()).toBe('2024-03-30T23:00:00.000Z');
    expect(instantOf('Europe/Paris', 2024, 4, 1).toISOString()).toBe('2024-03-31T22:00:00.000Z');
    expect(instantOf('UTC', 2024, 2, 29).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});

describe('planRange', () => {
  const years = { years: true };

  it('answers a calendar year with one yearly part, or twelve months when years are not allowed', () => {
    const from = instantOf('Europe/Paris', 2024, 1, 1);
    const to = instantOf('Europe/Paris', 2025, 1, 1);
    expect(planRange(from, to, 'Europe/Paris', years)).toEqual({
      years: ['2024'],
      months: [],
      partialMonths: [],
      partialDays: [],
      firstDay: '2024-01-01',
      lastDay: '2024-12-31',
    });
    expect(planRange(from, to, 'Europe/Paris', { years: false })!.months).toEqual(monthsOfYear('2024'));
  });

  it('splits a range into partial edge days (whole hours and the rest), days of partial months and whole months', () => {
    const plan = planRange(new Date('2024-01-30T12:30:00Z'), new Date('2024-03-02T06:00:00Z'), 'UTC', years)!;
    expect(plan.months).toEqual(['2024-02']);
    expect(plan.partialMonths).toEqual([
      { month: '2024-01', days: [31] },
      { month: '2024-03', days: [1] },
    ]);
    expect(plan.partialDays).toEqual([
      {
        day: '2024-01-30',
        hours: Array.from({ length: 11 }, (_, i) => 13 + i),
        rest: [{ from: new Date('2024-01-30T12:30:00Z'), to: new Date('2024-01-30T13:00:00Z') }],
      },
      { day: '2024-03-02', hours: [0, 1, 2, 3, 4, 5], rest: [] },
    ]);
    expect([plan.firstDay, plan.lastDay]).toEqual(['2024-01-30', '2024-03-02']);
  });

  it('follows the local calendar of the zone, not UTC', () => {
    // A local March in New York starts at 05:00 UTC.
    const from = instantOf('America/New_York', 2024, 3, 1);
    const to = instantOf('America/New_York', 2024, 4, 1);
    expect(planRange(from, to, 'America/New_York', years)!.months).toEqual(['2024-03']);
    expect(planRange(from, to, 'UTC', years)!.partialDays.map((part) => part.day)).toEqual([
      '2024-03-01',
      '2024-04-01',
    ]);
  });

  it('counts a DST gap day with its 23 hours', () => {
    const plan = planRange(
      instantOf('Europe/Paris', 2024, 3, 31, 1),
      instantOf('Europe/Paris', 2024, 4, 1),
      'Europe/Paris',
      years,
    )!;
    expect(plan.partialDays).toEqual([
      {
        day: '2024-03-31',
        hours: [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
        rest: [],
      },
    ]);
  });

  it('is null for an empty range, one partial day within a day', () => {
    const at = new Date('2024-05-05T10:00:00Z');
    expect(planRange(at, at, 'UTC', years)).toBeNull();
    expect(planRange(at, new Date('2024-05-05T11:00:00Z'), 'UTC', years)!.partialDays).toEqual([
      { day: '2024-05-05', hours: [10], rest: [] },
    ]);
  });

  it('lists the days of a month, leap years included', () => {
    expect(daysOfMonth('2024-02')).toHaveLength(29);
    expect(daysOfMonth('2023-02').at(-1)).toBe('2023-02-28');
  });
});
