import { ChargingProfile, ProfilePurpose } from '../../model/charging-profiles';
import { ChargingProfile201 } from './ocpp201-types';

export const PURPOSES_201: Record<ChargingProfile201['chargingProfilePurpose'], ProfilePurpose> = {
  ChargingStationMaxProfile: 'StationMax',
  ChargingStationExternalConstraints: 'StationMax',
  TxDefaultProfile: 'TxDefault',
  TxProfile: 'Tx',
};

export function fromProfile201(evseId: number, profile: ChargingProfile201): ChargingProfile {
  const schedule = profile.chargingSchedule[0];
  return {
    id: profile.id,
    connectorId: evseId,
    stackLevel: profile.stackLevel,
    purpose: PURPOSES_201[profile.chargingProfilePurpose],
    kind: profile.chargingProfileKind,
    recurrency: profile.recurrencyKind,
    transactionId: profile.transactionId,
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
