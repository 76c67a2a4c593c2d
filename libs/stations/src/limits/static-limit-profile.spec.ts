import { ChargingRateUnit } from '../commands/command-enums';
import { unitOfConfigurationKey } from './configuration-key-unit';
import {
  STATIC_LIMIT_STACK_LEVEL,
  STATION_LIMIT_PROFILE_ID,
  staticLimitProfile,
  staticLimitProfileId,
} from './static-limit-profile';

const now = new Date('2026-03-01T10:00:30.750Z');

describe('staticLimitProfile', () => {
  it('limits the whole station with a ChargePointMaxProfile of its own id', () => {
    expect(staticLimitProfile(0, 11000, ChargingRateUnit.W, now)).toEqual({
      chargingProfileId: STATION_LIMIT_PROFILE_ID,
      stackLevel: STATIC_LIMIT_STACK_LEVEL,
      purpose: 'ChargePointMaxProfile',
      kind: 'Absolute',
      schedule: {
        startSchedule: new Date('2026-03-01T09:59:30.000Z'),
        rateUnit: 'W',
        periods: [{ startPeriod: 0, limit: 11000 }],
      },
    });
  });

  it('limits a connector with a TxDefaultProfile whose id is stable per connector', () => {
    const profile = staticLimitProfile(2, 16, ChargingRateUnit.A, now);
    expect(profile).toMatchObject({
      chargingProfileId: staticLimitProfileId(2),
      purpose: 'TxDefaultProfile',
      schedule: { rateUnit: 'A', periods: [{ startPeriod: 0, limit: 16 }] },
    });
    expect(staticLimitProfile(2, 10, ChargingRateUnit.A, new Date()).chargingProfileId).toBe(
      profile.chargingProfileId,
    );
    expect(staticLimitProfileId(1)).not.toBe(staticLimitProfileId(2));
    expect(staticLimitProfileId(1)).not.toBe(staticLimitProfileId(0));
  });

  it('sits above default profiles (stack level 0)', () => {
    expect(STATIC_LIMIT_STACK_LEVEL).toBeGreaterThan(0);
  });
});

describe('unitOfConfigurationKey', () => {
  it('reads amperes from the key name, watts otherwise', () => {
    expect(unitOfConfigurationKey('MaxStationPowerW')).toBe(ChargingRateUnit.W);
    expect(unitOfConfigurationKey('PowerLimit')).toBe(ChargingRateUnit.W);
    expect(unitOfConfigurationKey('MaxCurrentA')).toBe(ChargingRateUnit.A);
    expect(unitOfConfigurationKey('MaxStationAmps')).toBe(ChargingRateUnit.A);
    expect(unitOfConfigurationKey('ChargeCurrent')).toBe(ChargingRateUnit.A);
    expect(unitOfConfigurationKey('PowerDelta')).toBe(ChargingRateUnit.W);
  });
});
