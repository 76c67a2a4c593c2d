import { registerEnumType } from '@nestjs/graphql';

export enum StaticLimitMethod {
  CHARGING_PROFILE = 'CHARGING_PROFILE',
  CONFIGURATION_KEY = 'CONFIGURATION_KEY',
}
registerEnumType(StaticLimitMethod, {
  name: 'StaticLimitMethod',
  description: 'How the station was told: SetChargingProfile, or ChangeConfiguration of its template key',
});

export enum StaticLimitStatus {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  NOT_SUPPORTED = 'NOT_SUPPORTED',
  REBOOT_REQUIRED = 'REBOOT_REQUIRED',
  OFFLINE = 'OFFLINE',
  TIMEOUT = 'TIMEOUT',
}
registerEnumType(StaticLimitStatus, {
  name: 'StaticLimitStatus',
  description:
    'Only ACCEPTED changes the limit in force; REBOOT_REQUIRED takes effect at a reboot we cannot see',
});
