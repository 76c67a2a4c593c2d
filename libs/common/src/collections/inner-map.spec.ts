import { deleteInner, innerCount, innerMap } from './inner-map';

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

  it('deletes from the map under a key, and drops that map once it is empty', () => {
    const outer = new Map([
      [
        'a',
        new Map([
          ['x', 1],
          ['y', 2],
        ]),
      ],
    ]);
    expect(deleteInner(outer, 'a', 'x')).toBe(true);
    expect(outer.get('a')).toEqual(new Map([['y', 2]]));
    expect(deleteInner(outer, 'a', 'x')).toBe(false);
    expect(deleteInner(outer, 'b', 'y')).toBe(false);
    expect(deleteInner(outer, 'a', 'y')).toBe(true);
    expect(outer.has('a')).toBe(false);
  });

  it('counts the entries of all the inner maps', () => {
    const outer = new Map<string, Map<string, number>>();
    expect(innerCount(outer)).toBe(0);
    innerMap(outer, 'a').set('x', 1).set('y', 2);
    innerMap(outer, 'b').set('x', 3);
    expect(innerCount(outer)).toBe(3);
    deleteInner(outer, 'a', 'x');
    expect(innerCount(outer)).toBe(2);
  });
});
