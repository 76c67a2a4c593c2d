import { ChargingProfile, ProfilePurpose } from '../../model/charging-profiles';
import { ChargingProfile16 } from './ocpp16-types';

export const PURPOSES_16: Record<ChargingProfile16['chargingProfilePurpose'], ProfilePurpose> = {
  ChargePointMaxProfile: 'StationMax',
  TxDefaultProfile: 'TxDefault',
  TxProfile: 'Tx',
};

export function fromProfile16(connectorId: number, profile: ChargingProfile16): ChargingProfile {
  const schedule = profile.chargingSchedule;
  return {
    id: profile.chargingProfileId,
    connectorId,
    stackLevel: profile.stackLevel,
    purpose: PURPOSES_16[profile.chargingProfilePurpose],
    kind: profile.chargingProfileKind,
    recurrency: profile.recurrencyKind,
    transactionId: profile.transactionId === undefined ? undefined : String(profile.transactionId),
    validFrom: profile.validFrom ? new Date(profile.validFrom) : undefined,
    validTo: profile.validTo ? new Date(profile.validTo) : undefined,
    installedAt: new Date(),
    schedule: {
      unit: schedule.chargingRateUnit,
      periods: schedule.chargingSchedulePeriod,
      startSchedule: schedule.startSchedule ? new Date(schedule.startSchedule) : undefined,
      duration: schedule.duration,
    },
  };
}
