import { createsCycle } from './site-area-tree';

/** main ← hall ← row-1, main ← parking; `orphan` has no parent. */
const TREE = new Map<string, string | undefined>([
  ['main', undefined],
  ['hall', 'main'],
  ['row-1', 'hall'],
  ['parking', 'main'],
  ['orphan', undefined],
]);

describe('site area tree', () => {
  it('accepts moving an area under an area outside its subtree', () => {
    expect(createsCycle('row-1', 'parking', TREE)).toBe(false);
    expect(createsCycle('parking', 'row-1', TREE)).toBe(false);
    expect(createsCycle('orphan', 'row-1', TREE)).toBe(false);
    expect(createsCycle('hall', 'orphan', TREE)).toBe(false);
  });

  it('refuses an area as its own parent', () => {
    expect(createsCycle('hall', 'hall', TREE)).toBe(true);
  });

  it('refuses an area under one of its descendants', () => {
    expect(createsCycle('main', 'hall', TREE)).toBe(true);
    expect(createsCycle('main', 'row-1', TREE)).toBe(true);
    expect(createsCycle('hall', 'row-1', TREE)).toBe(true);
  });

  it('stops on a loop already stored instead of walking forever', () => {
    const looping = new Map<string, string | undefined>([
      ['a', 'b'],
      ['b', 'a'],
      ['c', undefined],
    ]);
    expect(createsCycle('c', 'a', looping)).toBe(true);
  });

  it('treats an unknown parent as a root', () => {
    expect(createsCycle('hall', 'elsewhere', TREE)).toBe(false);
  });
});
