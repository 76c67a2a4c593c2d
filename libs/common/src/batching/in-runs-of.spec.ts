import { inRunsOf } from './in-runs-of';

describe('inRunsOf', () => {
  it('splits items into runs of at most the size, in order', () => {
    expect(inRunsOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inRunsOf([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('keeps items in one run when they fit or there is no limit', () => {
    expect(inRunsOf([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
    expect(inRunsOf([1, 2, 3], undefined)).toEqual([[1, 2, 3]]);
    expect(inRunsOf([1, 2, 3], 0)).toEqual([[1, 2, 3]]);
  });

  it('gives no run for no items: a caller writing or sending each run sends nothing', () => {
    expect(inRunsOf([], 2)).toEqual([]);
    expect(inRunsOf([], undefined)).toEqual([]);
  });
});
