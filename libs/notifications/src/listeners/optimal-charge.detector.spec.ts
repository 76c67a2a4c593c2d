import { OptimalChargeDetector } from './optimal-charge.detector';

describe('OptimalChargeDetector', () => {
  it('fires once, on the point where the battery rises to the target', () => {
    const detector = new OptimalChargeDetector(80);
    expect(detector.reached('t1', 62)).toBe(false);
    expect(detector.reached('t1', 79.9)).toBe(false);
    expect(detector.reached('t1', 80)).toBe(true);
    expect(detector.reached('t1', 85)).toBe(false);
    expect(detector.reached('t1', 70)).toBe(false);
    expect(detector.reached('t1', 90)).toBe(false);
  });

  it('ignores points without a state of charge', () => {
    const detector = new OptimalChargeDetector(80);
    expect(detector.reached('t1', undefined)).toBe(false);
    expect(detector.reached('t1', 50)).toBe(false);
    expect(detector.reached('t1', null)).toBe(false);
    expect(detector.reached('t1', 81)).toBe(true);
  });

  it('stays silent for a car plugged in above the target, and keeps sessions apart', () => {
    const detector = new OptimalChargeDetector(80);
    expect(detector.reached('full', 92)).toBe(false);
    expect(detector.reached('other', 40)).toBe(false);
    expect(detector.reached('full', 95)).toBe(false);
    expect(detector.reached('other', 80)).toBe(true);
  });

  it('starts over for a session it was told to forget', () => {
    const detector = new OptimalChargeDetector(80);
    detector.reached('t1', 10);
    expect(detector.reached('t1', 80)).toBe(true);
    detector.forget('t1');
    detector.reached('t1', 10);
    expect(detector.reached('t1', 80)).toBe(true);
  });
});
