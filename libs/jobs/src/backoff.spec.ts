import { backoffDelay, exhausted } from './backoff';

describe('job back-off', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 10_000, maxAttempts: 5, maxAgeMs: 60_000 };

  it('doubles from the base up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 40].map((failures) => backoffDelay(failures, policy))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('gives up after the attempts or the age the policy allows, whichever comes first', () => {
    const created = new Date('2025-01-01T00:00:00Z');
    expect(exhausted(policy, 4, created, new Date('2025-01-01T00:00:30Z'))).toBe(false);
    expect(exhausted(policy, 5, created, new Date('2025-01-01T00:00:30Z'))).toBe(true);
    expect(exhausted(policy, 1, created, new Date('2025-01-01T00:01:00Z'))).toBe(true);
    expect(exhausted({ ...policy, maxAgeMs: undefined }, 1, created, new Date('2030-01-01'))).toBe(false);
  });
});
