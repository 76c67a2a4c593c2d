import { isSignificantChange } from './significant-change';

describe('isSignificantChange', () => {
  it('is significant past the threshold of the larger of the reference and the static value', () => {
    expect(isSignificantChange(10_500, 10_000, 0, 10)).toBe(false);
    expect(isSignificantChange(11_500, 10_000, 0, 10)).toBe(true);
    expect(isSignificantChange(300, 100, 5_000, 10)).toBe(false);
    expect(isSignificantChange(-600, 0, -5_000, 10)).toBe(true);
  });

  it('is significant for the first reading', () => {
    expect(isSignificantChange(5, undefined, 0, 10)).toBe(true);
  });
});
