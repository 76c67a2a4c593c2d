import { PastSession, forecastArrivals } from './arrival-forecast';

const at = (iso: string): Date => new Date(iso);
const window = {
  slotStart: at('2026-03-10T07:00:00Z'),
  slotMinutes: 15,
  slotCount: 32,
  fuseId: 'area:a',
  voltage: 230,
};
const past = (start: string, end: string, energyWh: number, maxWatts?: number): PastSession => ({
  start: at(start),
  end: at(end),
  energyWh,
  maxWatts,
});

describe('forecastArrivals', () => {
  it('brings past sessions back at their time of day, weighted by the days of history, summed by the hour', () => {
    const forecast = forecastArrivals(
      [
        past('2026-03-09T08:30:00Z', '2026-03-09T16:00:00Z', 12_000, 11_040),
        past('2026-03-08T08:15:00Z', '2026-03-08T15:45:00Z', 8_000, 22_080),
        past('2026-03-08T13:00:00Z', '2026-03-08T15:30:00Z', 6_000),
      ],
      2,
      window,
    );
    expect(forecast).toEqual([
      // 08:15 and 08:30 today are in the plan's second hour (slots 4 to 7 from 07:00), staying 8 hours.
      { fuseId: 'area:a', arrivalSlot: 4, departureSlot: 36, energyWh: 10_000, maxAmps: 24, voltage: 230 },
      // 13:00 for 2.5 hours: the hour from slot 24, three hours. Unknown power: 11 kW, over two days.
      expect.objectContaining({ arrivalSlot: 24, departureSlot: 36, energyWh: 3_000 }),
    ]);
    expect(forecast[1].maxAmps).toBeCloseTo(11_000 / 690 / 2, 6);
  });

  it('gives the cars of one hour their energy-weighted stay', () => {
    const forecast = forecastArrivals(
      [
        past('2026-03-09T09:00:00Z', '2026-03-09T11:00:00Z', 3_000),
        past('2026-03-09T09:30:00Z', '2026-03-09T15:30:00Z', 1_000),
      ],
      1,
      window,
    );
    // Two hours with 3 kWh and six with 1 kWh: three hours, from slot 8 (09:00) to slot 20.
    expect(forecast).toEqual([
      expect.objectContaining({ arrivalSlot: 8, departureSlot: 20, energyWh: 4_000 }),
    ]);
  });

  it('leaves out cars that arrive in the first slot (they are here already) or after the horizon', () => {
    const forecast = forecastArrivals(
      [
        past('2026-03-09T07:05:00Z', '2026-03-09T09:00:00Z', 5_000),
        past('2026-03-09T06:00:00Z', '2026-03-09T09:00:00Z', 5_000),
        past('2026-03-09T16:00:00Z', '2026-03-09T18:00:00Z', 5_000),
        past('2026-03-09T07:15:00Z', '2026-03-09T09:00:00Z', 5_000),
      ],
      1,
      window,
    );
    expect(forecast.map((arrival) => arrival.arrivalSlot)).toEqual([1]);
  });

  it('ignores sessions without a stay or energy, and an empty history', () => {
    expect(
      forecastArrivals(
        [
          past('2026-03-09T08:00:00Z', '2026-03-09T08:00:00Z', 5_000),
          past('2026-03-09T08:00:00Z', '2026-03-09T09:00:00Z', 0),
        ],
        1,
        window,
      ),
    ).toEqual([]);
    expect(
      forecastArrivals([past('2026-03-09T08:00:00Z', '2026-03-09T09:00:00Z', 5_000)], 0, window),
    ).toEqual([]);
  });
});
