import { IndexedMeasures } from '../measures';
import { decodeRollupData, encodeRollupData } from './rollup-data.codec';

describe('rollup data codec', () => {
  it('round-trips every section, rounded to three decimals', () => {
    const hours = new IndexedMeasures();
    hours.add(0, [1.23456, 60, 0, 1, 0.1]);
    hours.add(23, [10_000, 3600, 120, 2, 7.5]);
    const months = new IndexedMeasures();
    months.add(12, [5, 6, 7, 8, 9]);
    const totals = new IndexedMeasures();
    totals.add(0, [10_001.23456, 3660, 120, 3, 7.6]);
    const decoded = decodeRollupData(encodeRollupData({ totals, hours, months }));
    expect(decoded.totals!.get(0)).toEqual([10_001.235, 3660, 120, 3, 7.6]);
    expect(decoded.hours!.get(0)).toEqual([1.235, 60, 0, 1, 0.1]);
    expect(decoded.hours!.get(23)).toEqual([10_000, 3600, 120, 2, 7.5]);
    expect(decoded.months!.get(12)).toEqual([5, 6, 7, 8, 9]);
    expect(decoded.days).toBeUndefined();
  });

  it('leaves empty sections out', () => {
    expect(encodeRollupData({ hours: new IndexedMeasures() })).toHaveLength(0);
    expect(decodeRollupData(Buffer.alloc(0))).toEqual({});
  });
});
