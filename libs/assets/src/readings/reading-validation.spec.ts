import { BadInputError } from '@csms/common';
import { AssetType } from '../models/asset-type';
import { validatedReading } from './reading-validation';

describe('validatedReading', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('keeps what was given and stamps a reading without time with now', () => {
    expect(validatedReading(AssetType.BUILDING, { watts: 1200, ampsL1: 5.2 }, now)).toEqual({
      timestamp: now,
      watts: 1200,
      ampsL1: 5.2,
    });
  });

  it('refuses phases that do not add up to the total, within rounding', () => {
    const phases = { wattsL1: 1000, wattsL2: 1000, wattsL3: 1000 };
    expect(() => validatedReading(AssetType.BUILDING, { watts: 3000, ...phases }, now)).not.toThrow();
    expect(() => validatedReading(AssetType.BUILDING, { watts: 3040, ...phases }, now)).not.toThrow();
    expect(() => validatedReading(AssetType.BUILDING, { watts: 4000, ...phases }, now)).toThrow(
      BadInputError,
    );
  });

  it('refuses a reading from the future and a state of charge from anything but a battery', () => {
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(() => validatedReading(AssetType.SOLAR, { watts: -500, timestamp: later }, now)).toThrow('future');
    expect(() => validatedReading(AssetType.SOLAR, { watts: -500, stateOfCharge: 40 }, now)).toThrow(
      'battery',
    );
    expect(validatedReading(AssetType.BATTERY, { watts: -500, stateOfCharge: 40 }, now).stateOfCharge).toBe(
      40,
    );
  });
});
