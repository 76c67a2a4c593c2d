import { instantOf, localParts } from './local-time';
import { daysOfMonth, splitRange } from './range-split';

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
    expect(instantOf('America/New_York', 2024, 11, 3, 1).toISOString()).toBe('2024-11-03T05:00:00.000Z');
    expect(instantOf('UTC', 2024, 2, 29).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('lands after the jump for an hour a DST gap skips', () => {
    // 02:00 does not exist in Paris on 2024-03-31; 03:00 CEST is 01:00 UTC.
    expect(instantOf('Europe/Paris', 2024, 3, 31, 2).toISOString()).toBe('2024-03-31T01:00:00.000Z');
  });
});

describe('splitRange', () => {
  const years = { years: true };

  it('answers a calendar year with one yearly part', () => {
    const from = instantOf('Europe/Paris', 2024, 1, 1);
    const to = instantOf('Europe/Paris', 2025, 1, 1);
    expect(splitRange(from, to, 'Europe/Paris', years)).toEqual([{ scale: 'year', period: '2024' }]);
  });

  it('takes months when years are not allowed', () => {
    const parts = splitRange(new Date('2024-01-01Z'), new Date('2025-01-01Z'), 'UTC', { years: false });
    expect(parts.map((part) => part.scale)).toEqual(Array(12).fill('month'));
  });

  it('splits a range into raw edges, whole days and whole months', () => {
    const parts = splitRange(
      new Date('2024-01-30T12:00:00Z'),
      new Date('2024-03-02T06:00:00Z'),
      'UTC',
      years,
    );
    expect(parts).toEqual([
      {
        scale: 'raw',
        day: '2024-01-30',
        from: new Date('2024-01-30T12:00:00Z'),
        to: new Date('2024-01-31T00:00:00Z'),
      },
      { scale: 'day', period: '2024-01-31' },
      { scale: 'month', period: '2024-02' },
      { scale: 'day', period: '2024-03-01' },
      {
        scale: 'raw',
        day: '2024-03-02',
        from: new Date('2024-03-02T00:00:00Z'),
        to: new Date('2024-03-02T06:00:00Z'),
      },
    ]);
  });

  it('follows the local calendar of the zone, not UTC', () => {
    // A local March in New York starts at 05:00 UTC.
    const from = instantOf('America/New_York', 2024, 3, 1);
    const to = instantOf('America/New_York', 2024, 4, 1);
    expect(splitRange(from, to, 'America/New_York', years)).toEqual([{ scale: 'month', period: '2024-03' }]);
    expect(splitRange(from, to, 'UTC', years).map((part) => part.scale)).toContain('raw');
  });

  it('is empty for an empty range, one raw part within a day', () => {
    const at = new Date('2024-05-05T10:00:00Z');
    expect(splitRange(at, at, 'UTC', years)).toEqual([]);
    expect(splitRange(at, new Date('2024-05-05T11:00:00Z'), 'UTC', years)).toEqual([
      { scale: 'raw', day: '2024-05-05', from: at, to: new Date('2024-05-05T11:00:00Z') },
    ]);
  });

  it('lists the days of a month, leap years included', () => {
    expect(daysOfMonth('2024-02')).toHaveLength(29);
    expect(daysOfMonth('2023-02').at(-1)).toBe('2023-02-28');
  });
});
