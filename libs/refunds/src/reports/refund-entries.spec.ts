import { entryDescription, localDate, reportNameOf } from './refund-entries';
import { RefundEntry } from './refund-report';

const entry = (date: string): RefundEntry => ({
  transactionId: 't1',
  amount: 3.6,
  currency: 'EUR',
  date,
  city: 'Lyon',
  chargingStationId: 'CS-1',
  energyWh: 10_000,
});

describe('refund entries', () => {
  it('dates a session on the site’s clock', () => {
    const lateEvening = new Date('2026-11-30T23:30:00Z');
    expect(localDate(lateEvening, 'Europe/Paris')).toBe('2026-12-01');
    expect(localDate(lateEvening, 'America/New_York')).toBe('2026-11-30');
    expect(localDate(lateEvening, 'UTC')).toBe('2026-11-30');
  });

  it('names the report after the month of its earliest session, within Concur’s 40 characters', () => {
    expect(reportNameOf('Charging {month}', [entry('2026-12-01'), entry('2026-11-02')])).toBe(
      'Charging 2026-11',
    );
    expect(reportNameOf(`${'x'.repeat(39)} {month}`, [entry('2026-11-02')])).toHaveLength(40);
  });

  it('describes the entry by its energy, station and city', () => {
    expect(entryDescription(entry('2026-11-02'))).toBe('EV charging 10.00 kWh at CS-1, Lyon');
  });
});
