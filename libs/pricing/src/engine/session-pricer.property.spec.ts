import fc from 'fast-check';
import { DayOfWeek, TariffElement, TariffPricing } from '../model/tariff';
import { priceSession } from './price-session';
import { MeterPoint, SessionPricer } from './session-pricer';
import { component, element, tariff } from './testing/tariff-builders';

const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

function elementArbitrary(steps: number[]): fc.Arbitrary<TariffElement> {
  return fc
    .record({
      energy: fc.option(fc.integer({ min: 0, max: 80 }).map((cents) => cents / 100)),
      time: fc.option(fc.integer({ min: 0, max: 600 }).map((cents) => cents / 100)),
      parking: fc.option(fc.integer({ min: 0, max: 1200 }).map((cents) => cents / 100)),
      step: fc.constantFrom(...steps),
      vat: fc.option(fc.constantFrom(0, 7, 19, 20, 21)),
      startTime: fc.option(clock),
      endTime: fc.option(clock),
      minKwh: fc.option(fc.integer({ min: 0, max: 30 })),
      days: fc.option(fc.subarray(Object.values(DayOfWeek), { minLength: 1 })),
    })
    .map((r) => {
      const vat = r.vat ?? undefined;
      const components = [
        ...(r.energy !== null ? [component('ENERGY', r.energy, { vat })] : []),
        ...(r.time !== null ? [component('TIME', r.time, { vat, stepSize: r.step })] : []),
        ...(r.parking !== null ? [component('PARKING_TIME', r.parking, { vat, stepSize: r.step })] : []),
      ];
      return element(components.length ? components : [component('FLAT', 1)], {
        ...(r.startTime ? { startTime: r.startTime } : {}),
        ...(r.endTime ? { endTime: r.endTime } : {}),
        ...(r.minKwh !== null ? { minKwh: r.minKwh } : {}),
        ...(r.days ? { dayOfWeek: r.days } : {}),
      });
    });
}

/** Tariffs of up to 4 random elements, then a fallback pricing energy. */
function tariffArbitrary(steps = [1, 60, 300, 900]): fc.Arbitrary<TariffPricing> {
  return fc
    .tuple(fc.array(elementArbitrary(steps), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 50 }))
    .map(([elements, flatCents]) =>
      tariff([...elements, element([component('FLAT', flatCents / 100), component('ENERGY', 0.3)])]),
    );
}

/** A session of up to 12 h: readings 1 s to 2 h apart, energy growing by 0 to 15 kWh between them. */
const sessionArbitrary = fc
  .record({
    start: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 11, 31) }),
    steps: fc.array(fc.tuple(fc.integer({ min: 1, max: 7200 }), fc.integer({ min: 0, max: 15000 })), {
      minLength: 1,
      maxLength: 30,
    }),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'),
  })
  .map(({ start, steps, timeZone }) => {
    let at = start;
    let wh = 0;
    const points: MeterPoint[] = steps.map(([seconds, addedWh]) => {
      at += seconds * 1000;
      wh += addedWh;
      return { timestamp: new Date(at), cumulatedWh: wh };
    });
    return { timeZone, startedAt: new Date(start), points };
  });

describe('SessionPricer properties', () => {
  it('live point-by-point quotes end where a recomputation from the whole curve ends, to the last minor unit', () => {
    fc.assert(
      fc.property(tariffArbitrary(), sessionArbitrary, (t, session) => {
        const live = new SessionPricer(t, session);
        for (const p of session.points) {
          live.add(p);
          live.quote();
        }
        const recomputed = priceSession(t, session).quote;
        expect(live.quote().exact.exclVat.compare(recomputed.exact.exclVat)).toBe(0);
        expect(live.quote().total.inclVat.compare(recomputed.total.inclVat)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  // With larger steps it may: OCPI rounds the session's whole volume (free parts included) and bills
  // the extra at the last priced element, so free volume added later can shrink the extra.
  it('with steps of 1 s and 1 Wh, the price never decreases as a session goes on', () => {
    fc.assert(
      fc.property(tariffArbitrary([1]), sessionArbitrary, (t, session) => {
        const pricer = new SessionPricer(t, session);
        let previous = pricer.quote().exact.exclVat;
        for (const p of session.points) {
          pricer.add(p);
          const current = pricer.quote().exact.exclVat;
          expect(current.compare(previous)).toBeGreaterThanOrEqual(0);
          previous = current;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the periods tile the session exactly: no energy or time is lost or counted twice', () => {
    fc.assert(
      fc.property(tariffArbitrary(), sessionArbitrary, (t, session) => {
        const { periods } = priceSession(t, session);
        const last = session.points[session.points.length - 1];
        expect(periods.reduce((sum, p) => sum + p.energyMwh, 0)).toBe(Math.round(last.cumulatedWh * 1000));
        expect(periods.reduce((sum, p) => sum + p.durationMs, 0)).toBe(
          last.timestamp.getTime() - session.startedAt.getTime(),
        );
        periods.forEach((p, i) => i > 0 && expect(p.start.getTime()).toBe(periods[i - 1].end.getTime()));
      }),
      { numRuns: 100 },
    );
  });

  it('including VAT is never below excluding VAT, and min/max bound both totals', () => {
    fc.assert(
      fc.property(
        tariffArbitrary(),
        sessionArbitrary,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 500, max: 5000 }),
        (t, session, minCents, maxCents) => {
          const bounded = {
            ...t,
            minPrice: { exclVat: minCents / 100, inclVat: (minCents * 1.2) / 100 },
            maxPrice: { exclVat: maxCents / 100, inclVat: (maxCents * 1.2) / 100 },
          };
          const { exact } = priceSession(bounded, session).quote;
          expect(exact.inclVat.compare(exact.exclVat)).toBeGreaterThanOrEqual(0);
          expect(exact.exclVat.toNumber()).toBeGreaterThanOrEqual(minCents / 100 - 1e-9);
          expect(exact.exclVat.toNumber()).toBeLessThanOrEqual(maxCents / 100 + 1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });
});
