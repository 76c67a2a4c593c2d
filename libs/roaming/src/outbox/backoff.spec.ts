import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelay(failures, 1000, 5000))).toEqual([
      1000, 2000, 4000, 5000,
    ]);
    expect(backoffDelay(100, 1000, 300_000)).toBe(300_000);
    expect(backoffDelay(0, 1000, 5000)).toBe(1000);
  });
});
