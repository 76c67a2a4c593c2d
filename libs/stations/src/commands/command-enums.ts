import { registerEnumType } from '@nestjs/graphql';

export enum ResetType {
  HARD = 'HARD',
  SOFT = 'SOFT',
}
registerEnumType(ResetType, { name: 'ResetType' });

export enum AvailabilityType {
  OPERATIVE = 'OPERATIVE',
  INOPERATIVE = 'INOPERATIVE',
}
registerEnumType(AvailabilityType, { name: 'AvailabilityType' });

export enum LocalListUpdateType {
  FULL = 'FULL',
  DIFFERENTIAL = 'DIFFERENTIAL',
}
registerEnumType(LocalListUpdateType, { name: 'LocalListUpdateType' });

export enum ChargingProfilePurpose {
  ChargePointMaxProfile = 'ChargePointMaxProfile',
  TxDefaultProfile = 'TxDefaultProfile',
  TxProfile = 'TxProfile',
}
registerEnumType(ChargingProfilePurpose, { name: 'ChargingProfilePurpose' });

export enum ChargingProfileKind {
  Absolute = 'Absolute',
  Recurring = 'Recurring',
  Relative = 'Relative',
}
registerEnumType(ChargingProfileKind, { name: 'ChargingProfileKind' });

export enum RecurrencyKind {
  Daily = 'Daily',
  Weekly = 'Weekly',
}
registerEnumType(RecurrencyKind, { name: 'RecurrencyKind' });

export enum ChargingRateUnit {
  W = 'W',
  A = 'A',
}
registerEnumType(ChargingRateUnit, { name: 'ChargingRateUnit' });
