import { ChargingProfileInput } from '@csms/stations';
import { limitWattsOf } from './charging-limit';

const now = new Date('2026-01-01T12:00:00Z');
const profile = (
  schedule: Partial<ChargingProfileInput['schedule']>,
  fields: Partial<ChargingProfileInput> = {},
): ChargingProfileInput => ({
  chargingProfileId: 1,
  stackLevel: 0,
  purpose: 'TxProfile',
  kind: 'Absolute',
  schedule: { rateUnit: 'W', periods: [{ startPeriod: 0, limit: 11000 }], ...schedule },
  ...fields,
});

describe('limitWattsOf', () => {
  it('takes the watt limit of the first period of a schedule starting now', () => {
    expect(limitWattsOf(profile({}), now)).toBe(11000);
  });

  it('converts amperes with the nominal voltage and the phases', () => {
    expect(limitWattsOf(profile({ rateUnit: 'A', periods: [{ startPeriod: 0, limit: 16 }] }), now)).toBe(
      16 * 230 * 3,
    );
    expect(
      limitWattsOf(
        profile({ rateUnit: 'A', periods: [{ startPeriod: 0, limit: 32, numberPhases: 1 }] }),
        now,
      ),
    ).toBe(32 * 230);
  });

  it('picks the period in force from startSchedule', () => {
    const schedule = {
      startSchedule: new Date(now.getTime() - 3600_000),
      periods: [
        { startPeriod: 1800, limit: 7000 },
        { startPeriod: 0, limit: 3000 },
        { startPeriod: 7200, limit: 22000 },
      ],
    };
    expect(limitWattsOf(profile(schedule), now)).toBe(7000);
  });

  it('gives nothing outside validity, duration or before the first period', () => {
    expect(limitWattsOf(profile({}, { validTo: now }), now)).toBeUndefined();
    expect(limitWattsOf(profile({}, { validFrom: new Date(now.getTime() + 1000) }), now)).toBeUndefined();
    expect(
      limitWattsOf(profile({ startSchedule: new Date(now.getTime() - 60_000), duration: 60 }), now),
    ).toBeUndefined();
    expect(limitWattsOf(profile({ periods: [{ startPeriod: 60, limit: 1 }] }), now)).toBeUndefined();
  });
});
