import { backoffDelay, givenUp } from './backoff';

describe('job back-off', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 5, maxAgeMs: 3_600_000 };

  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 7, 50].map((failures) => backoffDelay(failures, policy))).toEqual([
      1000, 2000, 4000, 8000, 60_000, 60_000,
    ]);
  });

  it('gives up after the attempts or the age, whichever comes first', () => {
    const createdAt = new Date('2026-11-01T00:00:00Z');
    expect(givenUp(policy, 4, createdAt, new Date('2026-11-01T00:10:00Z'))).toBe(false);
    expect(givenUp(policy, 5, createdAt, new Date('2026-11-01T00:10:00Z'))).toBe(true);
    expect(givenUp(policy, 1, createdAt, new Date('2026-11-01T01:00:00Z'))).toBe(true);
    expect(givenUp({ ...policy, maxAgeMs: undefined }, 1, createdAt, new Date('2027-01-01T00:00:00Z'))).toBe(
      false,
    );
  });
});
