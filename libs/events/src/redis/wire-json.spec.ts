import { fromWireJson, toWireJson } from './wire-json';

describe('wire JSON', () => {
  it('brings Dates back as Dates at any depth, top level included', () => {
    const at = new Date('2026-11-28T03:00:00.123Z');
    const value = { at, nested: { list: [at, 'x'] }, n: 1, s: '2026-11-28T03:00:00.123Z' };
    const back = fromWireJson(toWireJson(value)) as typeof value;
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.getTime()).toBe(at.getTime());
    expect(back.nested.list[0]).toEqual(at);
    expect(back.s).toBe('2026-11-28T03:00:00.123Z');
    expect(fromWireJson(toWireJson(at))).toEqual(at);
  });

  it('keeps ordinary objects, undefined fields and invalid Dates as JSON does', () => {
    const value = { a: { $date: 1 }, b: { $date: 'x', other: true }, c: undefined, d: new Date(NaN) };
    expect(fromWireJson(toWireJson(value))).toEqual({
      a: { $date: 1 },
      b: { $date: 'x', other: true },
      d: null,
    });
  });
});
