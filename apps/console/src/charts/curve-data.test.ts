import { describe, expect, it } from 'vitest';
import { CurvePoint, curveData, curveSeries, uniqueByTime } from './curve-data';

const point = (second: number, overrides: Partial<CurvePoint> = {}): CurvePoint => ({
  timestamp: new Date(Date.UTC(2026, 11, 1, 10, 0, second)).toISOString(),
  instantWatts: 11_000,
  cumulatedWh: second * 100,
  stateOfCharge: null,
  limitWatts: null,
  cumulatedAmount: null,
  ...overrides,
});

describe('charging curve data', () => {
  it('orders points by time and counts a point delivered twice once', () => {
    const points = [point(2), point(1), point(2, { cumulatedWh: 250 })];
    expect(uniqueByTime(points).map((p) => p.cumulatedWh)).toEqual([100, 250]);
  });

  it('gives uPlot seconds, kW and kWh, and only the optional series that have data', () => {
    const points = [point(0, { stateOfCharge: 40 }), point(10, { stateOfCharge: 41, instantWatts: null })];
    expect(curveSeries(points)).toEqual({ soc: true, limit: false, cost: false });
    const [time, power, energy, soc, ...rest] = curveData(points);
    expect(time).toEqual([Date.UTC(2026, 11, 1, 10, 0, 0) / 1000, Date.UTC(2026, 11, 1, 10, 0, 10) / 1000]);
    expect(power).toEqual([11, null]);
    expect(energy).toEqual([0, 1]);
    expect(soc).toEqual([40, 41]);
    expect(rest).toEqual([]);
  });

  it('adds the limit and the cost once pricing and smart charging report them', () => {
    const points = [point(0, { limitWatts: 7_400, cumulatedAmount: 0.12 })];
    expect(curveSeries(points)).toEqual({ soc: false, limit: true, cost: true });
    expect(curveData(points).slice(3)).toEqual([[7.4], [0.12]]);
  });
});
