import { billingPeriodOf } from './billing-period';

describe('the billing month of a moment, in the tenant’s time zone', () => {
  it('is the UTC month in UTC', () => {
    expect(billingPeriodOf(new Date('2026-11-30T23:59:59Z'), 'UTC')).toEqual({
      key: '2026-11',
      start: new Date('2026-11-01T00:00:00Z'),
      end: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('has begun already east of Greenwich when it is still last month in UTC', () => {
    // 10:00 UTC on 30 November is midnight on 1 December at UTC+14.
    expect(billingPeriodOf(new Date('2026-11-30T10:00:00Z'), 'Pacific/Kiritimati')).toEqual({
      key: '2026-12',
      start: new Date('2026-11-30T10:00:00Z'),
      end: new Date('2026-12-31T10:00:00Z'),
    });
    expect(billingPeriodOf(new Date('2026-11-30T09:59:59Z'), 'Pacific/Kiritimati').key).toBe('2026-11');
  });

  it('begins and ends at local midnight across a change of daylight saving time', () => {
    // Los Angeles: 1 November 2026 begins in PDT (UTC−7), 1 December in PST (UTC−8).
    expect(billingPeriodOf(new Date('2026-12-01T05:00:00Z'), 'America/Los_Angeles')).toEqual({
      key: '2026-11',
      start: new Date('2026-11-01T07:00:00Z'),
      end: new Date('2026-12-01T08:00:00Z'),
    });
  });

  it('rolls over the year', () => {
    expect(billingPeriodOf(new Date('2026-12-31T23:30:00Z'), 'Europe/Paris')).toMatchObject({
      key: '2027-01',
      start: new Date('2026-12-31T23:00:00Z'),
    });
  });
});
