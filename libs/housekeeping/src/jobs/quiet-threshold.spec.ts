import { quietThresholdMs } from './quiet-threshold';

describe('quietThresholdMs', () => {
  it('is the missed heartbeats times the interval', () => {
    expect(quietThresholdMs(300, 3, 120)).toBe(900_000);
    expect(quietThresholdMs(60, 2.5, 120)).toBe(150_000);
  });

  it('never goes below the floor', () => {
    expect(quietThresholdMs(10, 3, 120)).toBe(120_000);
  });
});
