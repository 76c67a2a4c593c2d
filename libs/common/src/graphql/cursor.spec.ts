import { BadInputError } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips dates, numbers, strings and null', () => {
    const date = new Date('2026-01-02T03:04:05.000Z');
    expect(decodeCursor(encodeCursor({ value: date, id: 'a' }))).toEqual({ value: date, id: 'a' });
    expect(decodeCursor(encodeCursor({ value: 42, id: 'b' }))).toEqual({ value: 42, id: 'b' });
    expect(decodeCursor(encodeCursor({ value: 'CS-1', id: 'c' }))).toEqual({ value: 'CS-1', id: 'c' });
    expect(decodeCursor(encodeCursor({ value: null, id: 'd' }))).toEqual({ value: null, id: 'd' });
  });

  it('is opaque and url-safe', () => {
    expect(encodeCursor({ value: 'x/y+z', id: '1' })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a forged cursor with BAD_USER_INPUT', () => {
    expect(() => decodeCursor('bm90LWpzb24')).toThrow(BadInputError);
    expect(() => decodeCursor(Buffer.from('["x",1,2]').toString('base64url'))).toThrow(BadInputError);
  });
});
