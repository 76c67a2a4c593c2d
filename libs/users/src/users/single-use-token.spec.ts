import { hashToken, newSingleUseToken } from './single-use-token';

describe('single-use tokens', () => {
  it('are random, URL-safe, and stored only as a SHA-256 hash', () => {
    const first = newSingleUseToken();
    const second = newSingleUseToken();
    expect(first.token).not.toBe(second.token);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.hash).not.toContain(first.token);
    expect(hashToken(first.token)).toBe(first.hash);
  });
});
