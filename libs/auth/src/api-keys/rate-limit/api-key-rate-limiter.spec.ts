import { InMemoryApiKeyRateLimiter, WINDOW_MS, gcraStep } from './api-key-rate-limiter';

describe('API key rate limits (GCRA)', () => {
  it('admits `limit` requests at once, then one per 60/limit seconds', async () => {
    let now = 1_000_000;
    const limiter = new InMemoryApiKeyRateLimiter(() => now);
    for (let i = 0; i < 3; i++) expect(await limiter.admit('k', 3)).toBe(0);
    expect(await limiter.admit('k', 3)).toBe(20_000);
    now += 19_999;
    expect(await limiter.admit('k', 3)).toBe(1);
    now += 1;
    expect(await limiter.admit('k', 3)).toBe(0);
    expect(await limiter.admit('k', 3)).toBe(20_000);
  });

  it('keeps one budget per key', async () => {
    const limiter = new InMemoryApiKeyRateLimiter(() => 0);
    expect(await limiter.admit('a', 1)).toBe(0);
    expect(await limiter.admit('a', 1)).toBe(WINDOW_MS);
    expect(await limiter.admit('b', 1)).toBe(0);
  });

  it('a refused request does not cost budget', () => {
    const full = gcraStep(undefined, 0, 2);
    const second = gcraStep(full.nextTat, 0, 2);
    expect(second).toEqual({ waitMs: 0, nextTat: 60_000 });
    expect(gcraStep(second.nextTat, 0, 2)).toEqual({ waitMs: 30_000 });
    expect(gcraStep(second.nextTat, 30_000, 2)).toEqual({ waitMs: 0, nextTat: 90_000 });
  });
});
