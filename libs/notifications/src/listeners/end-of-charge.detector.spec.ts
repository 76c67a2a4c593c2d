import { EndOfChargeDetector } from './end-of-charge.detector';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 12, minute));

describe('EndOfChargeDetector', () => {
  it('fires once when the battery reports full', () => {
    const detector = new EndOfChargeDetector(5 * 60_000);
    expect(detector.ended('t1', { timestamp: at(0), instantWatts: 11000, stateOfCharge: 98 })).toBe(false);
    expect(detector.ended('t1', { timestamp: at(1), instantWatts: 3000, stateOfCharge: 100 })).toBe(true);
    expect(detector.ended('t1', { timestamp: at(2), instantWatts: 0, stateOfCharge: 100 })).toBe(false);
  });

  it('fires when energy has stopped flowing for the idle time, not before', () => {
    const detector = new EndOfChargeDetector(5 * 60_000);
    expect(detector.ended('t1', { timestamp: at(0), instantWatts: 7000 })).toBe(false);
    expect(detector.ended('t1', { timestamp: at(3), instantWatts: 20 })).toBe(false);
    expect(detector.ended('t1', { timestamp: at(4), instantWatts: 5000 })).toBe(false);
    expect(detector.ended('t1', { timestamp: at(8), instantWatts: 0 })).toBe(false);
    expect(detector.ended('t1', { timestamp: at(9), instantWatts: 0 })).toBe(true);
  });

  it('does not fire for a session that never drew power, and keeps sessions apart', () => {
    const detector = new EndOfChargeDetector(60_000);
    expect(detector.ended('idle', { timestamp: at(0), instantWatts: 0 })).toBe(false);
    expect(detector.ended('idle', { timestamp: at(30), instantWatts: 0 })).toBe(false);
    expect(detector.ended('other', { timestamp: at(0), instantWatts: 7000 })).toBe(false);
    expect(detector.ended('other', { timestamp: at(2), instantWatts: 0 })).toBe(true);
  });

  it('starts over for a session it was told to forget', () => {
    const detector = new EndOfChargeDetector(60_000);
    expect(detector.ended('t1', { timestamp: at(0), stateOfCharge: 100 })).toBe(true);
    detector.forget('t1');
    expect(detector.ended('t1', { timestamp: at(1), stateOfCharge: 100 })).toBe(true);
  });
});
