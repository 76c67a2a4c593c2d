import { areaWithSubAreas, evenShareWatts } from './limit-split';

describe('evenShareWatts', () => {
  it('splits evenly in whole watts, never above the limit in total', () => {
    expect(evenShareWatts(22000, 2)).toBe(11000);
    expect(evenShareWatts(10001, 3)).toBe(3333);
    expect(evenShareWatts(11000, 1)).toBe(11000);
    expect(evenShareWatts(0, 4)).toBe(0);
    const share = evenShareWatts(20000, 7)!;
    expect(share * 7).toBeLessThanOrEqual(20000);
    expect(share * 7).toBeGreaterThan(20000 - 7);
  });

  it('has no share without stations', () => {
    expect(evenShareWatts(22000, 0)).toBeUndefined();
  });
});

describe('areaWithSubAreas', () => {
  const parentOf = new Map<string, string | undefined>([
    ['site-fuse', undefined],
    ['garage', 'site-fuse'],
    ['garage-level-2', 'garage'],
    ['car-park', 'site-fuse'],
    ['elsewhere', undefined],
  ]);

  it('holds the area and every area nested under it, at any depth', () => {
    expect([...areaWithSubAreas('garage', parentOf)].sort()).toEqual(['garage', 'garage-level-2']);
    expect([...areaWithSubAreas('site-fuse', parentOf)].sort()).toEqual([
      'car-park',
      'garage',
      'garage-level-2',
      'site-fuse',
    ]);
    expect([...areaWithSubAreas('elsewhere', parentOf)]).toEqual(['elsewhere']);
  });

  it('stops on looping parents instead of hanging', () => {
    const looping = new Map<string, string | undefined>([
      ['a', 'b'],
      ['b', 'a'],
      ['c', undefined],
    ]);
    expect([...areaWithSubAreas('c', looping)]).toEqual(['c']);
  });
});
