import { SampledValue, toConsumption } from '@csms/transactions';
import {
  DayOfWeek,
  SessionPricer,
  TariffDimensionType,
  TariffPricing,
  priceSession,
  toSessionPrice,
} from '@csms/pricing';
import { count, log, machineNow, runBench } from './support/bench-format';
import { appendBenchRow, benchDate, BENCHMARKS_DOC } from './support/benchmarks.doc';

/**
 * The pricing step of the meter-value hot path, in process: what each new curve point of a priced
 * session costs (SessionPricer.add + quote + the stored price), against the baseline of the step
 * every point already pays (toConsumption: the curve point from the sampled values), same run, same
 * points. Then the recomputation of a whole session from its curve.
 */

const SESSIONS = Number(process.argv.find((arg) => arg.startsWith('--sessions='))?.split('=')[1] ?? 200);
const POINTS = Number(process.argv.find((arg) => arg.startsWith('--points='))?.split('=')[1] ?? 600);
const RECORD = !process.argv.includes('--no-record');

/** A busy real-world tariff: peak and off-peak energy, weekend discount, parking after 2 h, min price. */
const TARIFF: TariffPricing = {
  currency: 'EUR',
  minPrice: { exclVat: 2, inclVat: 2.4 },
  elements: [
    {
      priceComponents: [{ type: TariffDimensionType.ENERGY, price: 0.22, vat: 20, stepSize: 1 }],
      restrictions: { dayOfWeek: [DayOfWeek.SATURDAY, DayOfWeek.SUNDAY] },
    },
    {
      priceComponents: [{ type: TariffDimensionType.ENERGY, price: 0.45, vat: 20, stepSize: 1 }],
      restrictions: { startTime: '07:00', endTime: '22:00' },
    },
    {
      priceComponents: [
        { type: TariffDimensionType.ENERGY, price: 0.25, vat: 20, stepSize: 1 },
        { type: TariffDimensionType.FLAT, price: 1, vat: 20, stepSize: 1 },
      ],
    },
    {
      priceComponents: [{ type: TariffDimensionType.PARKING_TIME, price: 9, vat: 20, stepSize: 300 }],
      restrictions: { minDuration: 7200 },
    },
  ],
};

const START = Date.UTC(2026, 5, 12, 18, 0);

/** One meter value a minute: 11 kW for 5 h, then parked; register, power and current as stations send. */
function samplesAt(index: number): { timestamp: Date; samples: SampledValue[] } {
  const wh = Math.min(index, 300) * (11000 / 60);
  return {
    timestamp: new Date(START + (index + 1) * 60_000),
    samples: [
      { value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
      { value: index < 300 ? '11000' : '0', measurand: 'Power.Active.Import', unit: 'W' },
      { value: index < 300 ? '16' : '0', measurand: 'Current.Import', phase: 'L1' },
    ],
  };
}

function timeIt(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1000;
}

async function main(): Promise<void> {
  const readings = Array.from({ length: POINTS }, (_, index) => samplesAt(index));
  const total = SESSIONS * POINTS;
  log(
    `${SESSIONS} sessions × ${POINTS} points, tariff with 4 elements (time of day, weekend, parking, min price)`,
  );

  // Warm up both paths so the JIT has compiled them.
  for (let pass = 0; pass < 2; pass++) {
    const pricer = new SessionPricer(TARIFF, { timeZone: 'Europe/Paris', startedAt: new Date(START) });
    for (const reading of readings) {
      const point = toConsumption(reading.timestamp, reading.samples, { meterStartWh: 0 });
      pricer.add({ timestamp: point.timestamp, cumulatedWh: point.cumulatedWh });
      toSessionPrice(pricer.quote());
    }
  }

  const baselineUs = timeIt(() => {
    for (let session = 0; session < SESSIONS; session++) {
      let previous;
      for (const reading of readings) {
        const point = toConsumption(reading.timestamp, reading.samples, { meterStartWh: 0, previous });
        previous = { timestamp: point.timestamp, cumulatedWh: point.cumulatedWh };
      }
    }
  });

  const points = readings.map((reading) =>
    toConsumption(reading.timestamp, reading.samples, { meterStartWh: 0 }),
  );
  let last = 0;
  const pricingUs = timeIt(() => {
    for (let session = 0; session < SESSIONS; session++) {
      const pricer = new SessionPricer(TARIFF, { timeZone: 'Europe/Paris', startedAt: new Date(START) });
      for (const point of points) {
        pricer.add({
          timestamp: point.timestamp,
          cumulatedWh: point.cumulatedWh,
          currentA: point.instantAmps,
        });
        last = toSessionPrice(pricer.quote()).inclVat;
      }
    }
  });

  const recomputeUs =
    timeIt(() => {
      for (let session = 0; session < 20; session++) {
        priceSession(TARIFF, {
          timeZone: 'Europe/Paris',
          startedAt: new Date(START),
          points: points.map((point) => ({ timestamp: point.timestamp, cumulatedWh: point.cumulatedWh })),
        });
      }
    }) / 20;

  const baselinePerPoint = baselineUs / total;
  const pricingPerPoint = pricingUs / total;
  const ratio = pricingPerPoint / baselinePerPoint;
  log(`baseline (curve point from samples): ${baselinePerPoint.toFixed(2)} µs/point`);
  log(
    `pricing (add + quote + stored price): ${pricingPerPoint.toFixed(2)} µs/point, ${ratio.toFixed(2)} × the baseline`,
  );
  log(
    `recompute a ${POINTS}-point session: ${(recomputeUs / 1000).toFixed(2)} ms (last live price ${last} EUR)`,
  );
  if (!RECORD) return;
  await appendBenchRow(
    {
      heading: '## Pricing a curve point (`npm run bench:pricing`)',
      intro: `In process, no I/O: what pricing adds to each new curve point of a priced session (SessionPricer
add + quote + the stored price) with a 4-element tariff (time of day, weekend, parking after 2 h, minimum
price), against the baseline of turning the same meter value into a curve point (toConsumption), measured
in the same run. Then the recomputation of a whole session from its stored curve.`,
      columns: [
        'Date (UTC)',
        'Machine',
        'Sessions × points',
        'Baseline µs/point',
        'Pricing µs/point',
        'Pricing / baseline',
        'Recompute a session (ms)',
      ],
    },
    [
      benchDate(),
      machineNow(),
      `${count(SESSIONS)} × ${count(POINTS)}`,
      baselinePerPoint.toFixed(2),
      pricingPerPoint.toFixed(2),
      ratio.toFixed(2),
      (recomputeUs / 1000).toFixed(2),
    ],
  );
  log(`row appended to ${BENCHMARKS_DOC}`);
}

runBench(main);
