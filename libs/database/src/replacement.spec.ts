import { replacementOf } from './replacement';

describe('replacementOf', () => {
  it('sets the fields given and unsets those left undefined', () => {
    expect(replacementOf({ a: 1, b: undefined, c: null, d: [] })).toEqual({
      $set: { a: 1, c: null, d: [] },
      $unset: { b: 1 },
    });
  });

  it('leaves $unset out when nothing is removed', () => {
    expect(replacementOf({ a: 'x' })).toEqual({ $set: { a: 'x' } });
  });
});
