import { ReadThroughCache } from './read-through-cache';

describe('ReadThroughCache', () => {
  let reads: number;
  const load = (value: string | null) => () => {
    reads++;
    return Promise.resolve(value);
  };

  beforeEach(() => {
    jest.useFakeTimers();
    reads = 0;
  });

  afterEach(() => jest.useRealTimers());

  it('shares one read between everyone asking at once and keeps it for the TTL', async () => {
    const cache = new ReadThroughCache<string | null>(1000);
    const values = await Promise.all(Array.from({ length: 20 }, () => cache.get('a', load('A'))));
    expect(new Set(values)).toEqual(new Set(['A']));
    jest.advanceTimersByTime(999);
    await cache.get('a', load('A2'));
    expect(reads).toBe(1);
    jest.advanceTimersByTime(2);
    expect(await cache.get('a', load('A2'))).toBe('A2');
    expect(reads).toBe(2);
  });

  it('does not keep values `keep` refuses, nor failed reads', async () => {
    const cache = new ReadThroughCache<string | null>(1000, (value) => value !== null);
    expect(await cache.get('missing', load(null))).toBeNull();
    expect(await cache.get('missing', load('now there'))).toBe('now there');
    await expect(cache.get('broken', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('broken', load('back'))).toBe('back');
  });

  it('reads again after forget', async () => {
    const cache = new ReadThroughCache<string | null>(1000);
    await cache.get('a', load('old'));
    cache.forget('a');
    expect(await cache.get('a', load('new'))).toBe('new');
  });

  it('keeps at most maxEntries, the oldest going first', async () => {
    const cache = new ReadThroughCache<string | null>(1000, () => true, 2);
    await cache.get('a', load(null));
    await cache.get('b', load(null));
    await cache.get('a', load('unread'));
    expect(reads).toBe(2);
    await cache.get('c', load(null));
    expect(await cache.get('a', load('read again'))).toBe('read again');
    expect(reads).toBe(4);
  });
});
