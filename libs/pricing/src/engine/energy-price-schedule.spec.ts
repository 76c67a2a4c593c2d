import { DayOfWeek } from '../model/tariff';
import { energyPriceSchedule } from './energy-price-schedule';
import { component, element, tariff } from './testing/tariff-builders';

describe('energyPriceSchedule', () => {
  const peakOffPeak = tariff([
    element([component('ENERGY', 0.1, { vat: 20 })], { dayOfWeek: [DayOfWeek.SUNDAY] }),
    element([component('ENERGY', 0.4, { vat: 20 })], { startTime: '07:00', endTime: '22:00' }),
    element([component('ENERGY', 0.2, { vat: 20 })]),
  ]);

  it('gives the energy price per slot on the site’s clock, merging equal neighbours', () => {
    // Friday 21:00 to Sunday 09:00 in Paris (CEST, UTC+2).
    const slots = energyPriceSchedule(peakOffPeak, {
      timeZone: 'Europe/Paris',
      from: new Date('2026-06-12T19:00:00Z'),
      to: new Date('2026-06-14T07:00:00Z'),
    });
    expect(
      slots.map((s) => [s.start.toISOString(), s.end.toISOString(), s.pricePerKwh, s.pricePerKwhInclVat]),
    ).toEqual([
      ['2026-06-12T19:00:00.000Z', '2026-06-12T20:00:00.000Z', 0.4, 0.48],
      ['2026-06-12T20:00:00.000Z', '2026-06-13T05:00:00.000Z', 0.2, 0.24],
      ['2026-06-13T05:00:00.000Z', '2026-06-13T20:00:00.000Z', 0.4, 0.48],
      ['2026-06-13T20:00:00.000Z', '2026-06-13T22:00:00.000Z', 0.2, 0.24],
      ['2026-06-13T22:00:00.000Z', '2026-06-14T07:00:00.000Z', 0.1, 0.12],
    ]);
  });

  it('is empty for an empty horizon and free where no element prices energy', () => {
    expect(energyPriceSchedule(peakOffPeak, { timeZone: 'UTC', from: new Date(0), to: new Date(0) })).toEqual(
      [],
    );
    const parkingOnly = tariff([element([component('PARKING_TIME', 5)])]);
    const [slot] = energyPriceSchedule(parkingOnly, {
      timeZone: 'UTC',
      from: new Date(0),
      to: new Date(3_600_000),
    });
    expect(slot.pricePerKwh).toBe(0);
  });

  it('honours power restrictions at the assumed power', () => {
    const tiers = tariff([
      element([component('ENERGY', 0.29)], { maxPower: 11 }),
      element([component('ENERGY', 0.49)]),
    ]);
    const at = (assumedPowerKw: number) =>
      energyPriceSchedule(tiers, {
        timeZone: 'UTC',
        from: new Date(0),
        to: new Date(3_600_000),
        assumedPowerKw,
      })[0].pricePerKwh;
    expect(at(7)).toBe(0.29);
    expect(at(50)).toBe(0.49);
  });
});
