import { innerMap } from './inner-map';

describe('innerMap', () => {
  it('adds an empty map under a new key, and returns the same one for that key afterwards', () => {
    const outer = new Map<string, Map<string, number>>();
    const first = innerMap(outer, 'a');
    expect(first.size).toBe(0);
    first.set('x', 1);
    expect(innerMap(outer, 'a')).toBe(first);
    expect(outer.get('a')).toBe(first);
    expect(innerMap(outer, 'b')).not.toBe(first);
    expect([...outer.keys()]).toEqual(['a', 'b']);
  });
});
