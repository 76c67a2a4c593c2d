import { callIdOf, MAX_FRAME_NESTING, MessageRate, nestsDeeperThan, refusalOf } from './frame-guard';

const limits = { maxFrameBytes: 100, messagesPerSecond: 10 };

describe('MessageRate', () => {
  it('lets twice the rate through at once, then the rate', () => {
    const rate = new MessageRate(10, 0);
    const burst = Array.from({ length: 25 }, () => rate.take(0));
    expect(burst.filter(Boolean)).toHaveLength(20);
    expect(rate.take(50)).toBe(false);
    expect(rate.take(100)).toBe(true);
    expect(rate.take(100)).toBe(false);
    // A long pause refills up to the burst, no more.
    expect(Array.from({ length: 25 }, () => rate.take(60_000)).filter(Boolean)).toHaveLength(20);
  });
});

describe('callIdOf', () => {
  it('reads the id of a CALL from the head of a frame', () => {
    expect(callIdOf('[2,"abc-1","Heartbeat",{}]')).toBe('abc-1');
    expect(callIdOf(' [ 2 , "with \\"quote\\"" , "X"')).toBe('with \\"quote\\"');
    expect(callIdOf('[3,"abc-1",{}]')).toBeUndefined();
    expect(callIdOf(`[2,"${'x'.repeat(37)}","Heartbeat",{}]`)).toBeUndefined();
    expect(callIdOf('not json')).toBeUndefined();
  });
});

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(nestsDeeperThan(Buffer.from('[2,"1","X",{"a":[{"b":1}]}]'), 4)).toBe(false);
    expect(nestsDeeperThan(Buffer.from('[2,"1","X",{"a":[{"b":[]}]}]'), 4)).toBe(true);
    expect(nestsDeeperThan(Buffer.from('[2,"[[[[[[","X",{"a":"{{{{\\"[[[["}]'), 2)).toBe(false);
  });

  it('measures depth, not how many arrays and objects a frame holds', () => {
    // More brackets than the limit side by side, none deeper than it; then one deeper.
    expect(nestsDeeperThan(Buffer.from('[2,"1","X",{"a":[],"b":[],"c":{},"d":[1]}]'), 3)).toBe(false);
    expect(nestsDeeperThan(Buffer.from('[2,"1","X",{"a":[],"b":[],"c":{},"d":[{}]}]'), 3)).toBe(true);
    expect(nestsDeeperThan(Buffer.from('[[[]]]'), 3)).toBe(false);
    expect(nestsDeeperThan(Buffer.from('[[[[]]]]'), 3)).toBe(true);
  });
});

describe('refusalOf', () => {
  const frame = (text: string) => Buffer.from(text);

  it('passes frames within the limits', () => {
    expect(refusalOf(frame('[2,"1","Heartbeat",{}]'), false, limits, new MessageRate(10))).toBeUndefined();
  });

  it('refuses a frame too large with FormatViolation, answered when it is a CALL', () => {
    const big = `[2,"big","DataTransfer",{"data":"${'x'.repeat(200)}"}]`;
    expect(refusalOf(frame(big), false, limits, new MessageRate(10))).toEqual({
      reason: 'too-large',
      callError: [
        4,
        'big',
        'FormatViolation',
        `Frame of ${big.length} bytes exceeds the limit of 100 bytes`,
        { size: big.length, limit: 100 },
      ],
    });
    expect(
      refusalOf(frame(`[3,"r",{"x":"${'x'.repeat(200)}"}]`), false, limits, new MessageRate(10)),
    ).toEqual({
      reason: 'too-large',
    });
  });

  it('refuses a frame nested too deep with FormatViolation', () => {
    const deep = `[2,"deep","DataTransfer",{"data":${'['.repeat(40)}${']'.repeat(40)}}]`;
    expect(refusalOf(frame(deep), false, { ...limits, maxFrameBytes: 1000 }, new MessageRate(10))).toEqual({
      reason: 'too-deep',
      callError: [
        4,
        'deep',
        'FormatViolation',
        `Frame nested deeper than ${MAX_FRAME_NESTING} levels`,
        { limit: MAX_FRAME_NESTING },
      ],
    });
  });

  it('refuses binary frames: a CALL with RpcFrameworkError, anything else silently', () => {
    expect(
      refusalOf(frame('[2,"b","Heartbeat",{}]'), true, limits, new MessageRate(10))?.callError?.[2],
    ).toBe('RpcFrameworkError');
    expect(refusalOf(frame('\u0000\u0001'), true, limits, new MessageRate(10))).toEqual({ reason: 'binary' });
  });

  it('refuses CALLs beyond the rate with GenericError, but reads answers to our own calls', () => {
    const rate = new MessageRate(10);
    for (let n = 0; n < 20; n++) rate.take();
    expect(
      refusalOf(frame('[2,"fast","Heartbeat",{}]'), false, limits, rate)?.callError?.slice(0, 3),
    ).toEqual([4, 'fast', 'GenericError']);
    expect(refusalOf(frame('[3,"answer",{}]'), false, limits, rate)).toBeUndefined();
  });
});
