import { DayOfWeek } from '../model/tariff';
import { priceSession } from './price-session';
import { toSessionPrice } from './session-price';
import { component, element, point, tariff } from './testing/tariff-builders';

function total(result: ReturnType<typeof priceSession>): { exclVat: string; inclVat: string } {
  const decimals = result.quote.currency === 'JPY' ? 0 : result.quote.currency === 'KWD' ? 3 : 2;
  return {
    exclVat: result.quote.total.exclVat.toFixed(decimals),
    inclVat: result.quote.total.inclVat.toFixed(decimals),
  };
}

describe('priceSession (OCPI 2.2.1 semantics)', () => {
  // OCPI 2.2.1 mod_tariffs, "Example Tariff to explain the step_size when switching from one TariffElement to another".
  const stepSizeTariff = tariff([
    element([component('TIME', 1.2, { stepSize: 1800 })], { endTime: '17:00' }),
    element([component('TIME', 2.4, { stepSize: 900 })], { startTime: '17:00' }),
    element([component('PARKING_TIME', 1.0, { stepSize: 900 })], { endTime: '20:00' }),
  ]);

  it('step size: the total of the dimension is rounded with the last element’s step (spec example #2: 1.30)', () => {
    const result = priceSession(stepSizeTariff, {
      timeZone: 'UTC',
      startedAt: new Date('2024-05-06T16:35:00Z'),
      points: [point('2024-05-06T16:50:00Z', 3000), point('2024-05-06T17:10:00Z', 7000)],
    });
    expect(total(result).exclVat).toBe('1.30');
  });

  it('step size: parking within the charging time billed by rounding is not billed (spec example #1: 0.50)', () => {
    const result = priceSession(stepSizeTariff, {
      timeZone: 'UTC',
      startedAt: new Date('2024-05-06T16:55:00Z'),
      points: [point('2024-05-06T17:05:00Z', 2000), point('2024-05-06T17:07:00Z', 2000)],
    });
    expect(total(result).exclVat).toBe('0.50');
  });

  it('step size: a dimension that becomes free keeps the step of its last priced element (spec: 0.60)', () => {
    const freeParkingAfter20 = tariff([
      element([component('TIME', 2.4, { stepSize: 900 })]),
      element([component('PARKING_TIME', 1.0, { stepSize: 900 })], { endTime: '20:00' }),
    ]);
    const result = priceSession(freeParkingAfter20, {
      timeZone: 'UTC',
      startedAt: new Date('2024-05-06T19:55:00Z'),
      points: [point('2024-05-06T20:05:00Z', 2000), point('2024-05-06T20:07:00Z', 2000)],
    });
    expect(total(result).exclVat).toBe('0.60');
  });

  it.each([
    [1, '0.03', '0.116'],
    [25, '0.03', '0.125'],
    [500, '0.13', '0.5'],
  ])('energy step size %i Wh rounds 115.2 Wh up (spec: 116 Wh, 125 Wh, 500 Wh)', (stepSize, cost, kwh) => {
    const result = priceSession(tariff([element([component('ENERGY', 0.25, { stepSize })])]), {
      timeZone: 'UTC',
      startedAt: new Date('2024-01-01T10:00:00Z'),
      points: [point('2024-01-01T10:10:00Z', 115.2)],
    });
    expect(total(result).exclVat).toBe(cost);
    expect(result.quote.dimensions[0].quantity.toFixed(3)).toBe(Number(kwh).toFixed(3));
  });

  it('midnight wrap: a night element from 22:00 to 06:00 applies on both sides of midnight', () => {
    const night = tariff([
      element([component('ENERGY', 0.1)], { startTime: '22:00', endTime: '06:00' }),
      element([component('ENERGY', 0.3)]),
    ]);
    const result = priceSession(night, {
      timeZone: 'Europe/Paris',
      startedAt: new Date('2024-01-15T20:00:00Z'), // 21:00 Paris
      // 1 kWh per hour until 07:00 Paris: 1 kWh day, 8 kWh night, 1 kWh day.
      points: [point('2024-01-16T06:00:00Z', 10000)],
    });
    expect(total(result).exclVat).toBe('1.40');
    expect(result.periods.map((p) => p.components.ENERGY?.price)).toEqual([0.3, 0.1, 0.3]);
  });

  it('day of week across a DST change: Sunday is the local Sunday of Europe/Berlin on the night clocks go forward', () => {
    const sundays = tariff([
      element([component('ENERGY', 0.1)], { dayOfWeek: [DayOfWeek.SUNDAY] }),
      element([component('ENERGY', 0.4)]),
    ]);
    // Saturday 30 March 2024, 23:00 CET (22:00Z) to Sunday 31 March, 04:00 CEST (02:00Z): 4 real hours.
    const result = priceSession(sundays, {
      timeZone: 'Europe/Berlin',
      startedAt: new Date('2024-03-30T22:00:00Z'),
      points: [point('2024-03-31T02:00:00Z', 4000)],
    });
    // One hour on Saturday (1 kWh at 0.40), three on Sunday (3 kWh at 0.10).
    expect(total(result).exclVat).toBe('0.70');
    expect(result.periods.map((p) => p.start.toISOString())).toEqual([
      '2024-03-30T22:00:00.000Z',
      '2024-03-30T23:00:00.000Z',
    ]);
  });

  it('time of day after a DST change follows the local clock (07:00 CEST is 05:00Z)', () => {
    const peak = tariff([
      element([component('TIME', 6)], { startTime: '07:00', endTime: '09:00' }),
      element([component('TIME', 0)]),
    ]);
    const result = priceSession(peak, {
      timeZone: 'Europe/Berlin',
      startedAt: new Date('2024-04-02T04:00:00Z'),
      points: [point('2024-04-02T06:00:00Z', 1000)],
    });
    expect(result.periods.map((p) => p.start.toISOString())).toEqual([
      '2024-04-02T04:00:00.000Z',
      '2024-04-02T05:00:00.000Z',
    ]);
    expect(total(result).exclVat).toBe('6.00');
  });

  it('VAT per component: 20 % on the flat fee, 10 % on energy (spec reservation example: 0.50 + 20 kWh × 0.25)', () => {
    const result = priceSession(
      tariff([element([component('FLAT', 0.5, { vat: 20 }), component('ENERGY', 0.25, { vat: 10 })])]),
      {
        timeZone: 'UTC',
        startedAt: new Date('2024-01-01T10:00:00Z'),
        points: [point('2024-01-01T12:00:00Z', 20000)],
      },
    );
    expect(total(result)).toEqual({ exclVat: '5.50', inclVat: '6.10' });
  });

  it('no VAT is not 0 % VAT, and the including total equals the excluding one', () => {
    const result = priceSession(tariff([element([component('ENERGY', 0.3)])]), {
      timeZone: 'UTC',
      startedAt: new Date('2024-01-01T10:00:00Z'),
      points: [point('2024-01-01T11:00:00Z', 10000)],
    });
    expect(total(result)).toEqual({ exclVat: '3.00', inclVat: '3.00' });
  });

  it('minimum price is applied at the end, excl. and incl. VAT each on its own', () => {
    const result = priceSession(
      tariff([element([component('ENERGY', 0.3, { vat: 19 })])], { minPrice: { exclVat: 2, inclVat: 2.5 } }),
      {
        timeZone: 'UTC',
        startedAt: new Date('2024-01-01T10:00:00Z'),
        points: [point('2024-01-01T10:30:00Z', 5000)],
      },
    );
    // 1.50 excl. and 1.785 incl. are both below the minimum.
    expect(total(result)).toEqual({ exclVat: '2.00', inclVat: '2.50' });
    expect(result.quote.minPriceApplied).toBe(true);
  });

  it('maximum price caps the total', () => {
    const result = priceSession(
      tariff([element([component('ENERGY', 0.5, { vat: 20 })])], { maxPrice: { exclVat: 10, inclVat: 12 } }),
      {
        timeZone: 'UTC',
        startedAt: new Date('2024-01-01T10:00:00Z'),
        points: [point('2024-01-01T14:00:00Z', 40000)],
      },
    );
    expect(total(result)).toEqual({ exclVat: '10.00', inclVat: '12.00' });
    expect(result.quote.maxPriceApplied).toBe(true);
  });

  it('JPY has no minor unit: the total is rounded once to whole yen', () => {
    const result = priceSession(
      tariff([element([component('ENERGY', 35.5, { vat: 10 })])], { currency: 'JPY' }),
      {
        timeZone: 'Asia/Tokyo',
        startedAt: new Date('2024-01-01T10:00:00Z'),
        points: [point('2024-01-01T11:00:00Z', 12345)],
      },
    );
    // 12.345 kWh × 35.5 = 438.2475 → 438; incl. 482.07225 → 482.
    expect(total(result)).toEqual({ exclVat: '438', inclVat: '482' });
  });

  it('KWD has three decimals, rounded once on the total (not per dimension)', () => {
    const result = priceSession(
      tariff([element([component('ENERGY', 0.0125), component('TIME', 0.3333)])], { currency: 'KWD' }),
      {
        timeZone: 'Asia/Kuwait',
        startedAt: new Date('2024-01-01T10:00:00Z'),
        points: [point('2024-01-01T10:20:00Z', 3333)],
      },
    );
    // 3.333 kWh × 0.0125 = 0.0416625 ; 1/3 h × 0.3333 = 0.1111 → 0.1527625 → 0.153.
    expect(total(result).exclVat).toBe('0.153');
    expect(toSessionPrice(result.quote).exclVat).toBe(0.153);
  });

  it('parking time is time without energy after charging began; idle time before it is charging time', () => {
    const result = priceSession(tariff([element([component('TIME', 1), component('PARKING_TIME', 6)])]), {
      timeZone: 'UTC',
      startedAt: new Date('2024-01-01T10:00:00Z'),
      points: [
        point('2024-01-01T10:10:00Z', 0), // waiting for the car: TIME
        point('2024-01-01T11:10:00Z', 10000), // charging: TIME
        point('2024-01-01T11:40:00Z', 10000), // full, still plugged in: PARKING_TIME
      ],
    });
    const byType = Object.fromEntries(result.quote.dimensions.map((d) => [d.type, d.quantity.toFixed(4)]));
    expect(byType).toEqual({ TIME: (70 / 60).toFixed(4), PARKING_TIME: '0.5000' });
    expect(total(result).exclVat).toBe('4.17');
  });

  it('parking fee only after 2 hours (min_duration), with the step of its element', () => {
    const result = priceSession(
      tariff([
        element([component('ENERGY', 0.3)]),
        element([component('PARKING_TIME', 12, { stepSize: 600 })], { minDuration: 7200 }),
      ]),
      {
        timeZone: 'UTC',
        startedAt: new Date('2024-01-01T10:00:00Z'),
        points: [point('2024-01-01T11:00:00Z', 10000), point('2024-01-01T12:31:00Z', 10000)],
      },
    );
    // 3.00 for energy; parking 11:00–12:00 free, 12:00–12:31 at 12/h rounded up to 40 min: 8.00.
    expect(total(result).exclVat).toBe('11.00');
  });

  it('energy blocks: the first 10 kWh at one price, the rest at another (split inside a meter interval)', () => {
    const result = priceSession(
      tariff([element([component('ENERGY', 0.2)], { maxKwh: 10 }), element([component('ENERGY', 0.5)])]),
      {
        timeZone: 'UTC',
        startedAt: new Date('2024-01-01T10:00:00Z'),
        points: [point('2024-01-01T11:00:00Z', 25000)],
      },
    );
    expect(total(result).exclVat).toBe('9.50');
  });

  it('power restriction: a faster period pays the fast price (OCPI max_power example, 20.30)', () => {
    const result = priceSession(
      tariff([
        element([component('ENERGY', 0.2)], { maxPower: 16 }),
        element([component('ENERGY', 0.35)], { maxPower: 32 }),
        element([component('ENERGY', 0.5)]),
      ]),
      {
        timeZone: 'UTC',
        startedAt: new Date('2024-01-01T10:00:00Z'),
        points: [
          point('2024-01-01T10:10:00Z', 1000), // 6 kW
          point('2024-01-01T11:00:00Z', 41000), // 48 kW
          point('2024-01-01T11:07:30Z', 41500), // 4 kW
        ],
      },
    );
    expect(total(result).exclVat).toBe('20.30');
  });

  it('a flat fee is paid once, even when several elements carry one', () => {
    const result = priceSession(
      tariff([
        element([component('FLAT', 1)], { endTime: '11:00' }),
        element([component('FLAT', 2), component('ENERGY', 0.25)]),
      ]),
      {
        timeZone: 'UTC',
        startedAt: new Date('2024-01-01T10:30:00Z'),
        points: [point('2024-01-01T11:30:00Z', 4000)],
      },
    );
    expect(total(result).exclVat).toBe('2.00');
  });

  it('reservation elements never price a charging session', () => {
    const result = priceSession(
      tariff([
        element([component('FLAT', 5)], { reservation: 'RESERVATION' as never }),
        element([component('ENERGY', 0.25)]),
      ]),
      {
        timeZone: 'UTC',
        startedAt: new Date('2024-01-01T10:00:00Z'),
        points: [point('2024-01-01T11:00:00Z', 4000)],
      },
    );
    expect(total(result).exclVat).toBe('1.00');
  });

  it('before any reading, the quote is the flat fee valid at the start', () => {
    const result = priceSession(tariff([element([component('FLAT', 1.5, { vat: 20 })])]), {
      timeZone: 'UTC',
      startedAt: new Date('2024-01-01T10:00:00Z'),
      points: [],
    });
    expect(total(result)).toEqual({ exclVat: '1.50', inclVat: '1.80' });
  });
});
