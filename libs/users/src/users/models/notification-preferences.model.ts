import { NotificationType } from '@csms/notifications';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';

/** The optional notification types a user switches on or off (security emails are always sent). */
export const OPTIONAL_NOTIFICATIONS = {
  sessionStarted: NotificationType.SESSION_STARTED,
  sessionEnded: NotificationType.SESSION_ENDED,
  endOfCharge: NotificationType.END_OF_CHARGE,
  optimalChargeReached: NotificationType.OPTIMAL_CHARGE_REACHED,
  accountStatusChanged: NotificationType.ACCOUNT_STATUS_CHANGED,
  newUserRegistered: NotificationType.NEW_USER_REGISTERED,
  stationStatusError: NotificationType.STATION_STATUS_ERROR,
  stationOffline: NotificationType.STATION_OFFLINE,
  unknownTagUsed: NotificationType.UNKNOWN_TAG_USED,
} as const;

export type NotificationPreferenceKey = keyof typeof OPTIONAL_NOTIFICATIONS;

@ObjectType()
export class NotificationPreferences {
  @Field()
  sessionStarted: boolean;

  @Field()
  sessionEnded: boolean;

  @Field({ description: 'The car stopped drawing energy or its battery is full' })
  endOfCharge: boolean;

  @Field({ description: 'The battery rose to the optimal state of charge (OPTIMAL_CHARGE_PERCENT)' })
  optimalChargeReached: boolean;

  @Field()
  accountStatusChanged: boolean;

  @Field({ description: 'Admins only: a user registered in the tenant' })
  newUserRegistered: boolean;

  @Field({ description: 'Admins only: a connector reported a fault' })
  stationStatusError: boolean;

  @Field({ description: 'Admins only: a station lost its connection' })
  stationOffline: boolean;

  @Field({ description: 'Admins only: a station was presented a badge the tenant does not know' })
  unknownTagUsed: boolean;
}

@InputType()
export class NotificationPreferencesInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  sessionStarted?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  sessionEnded?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  endOfCharge?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  optimalChargeReached?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  accountStatusChanged?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  newUserRegistered?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  stationStatusError?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  stationOffline?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  unknownTagUsed?: boolean;
}

export function preferencesOf(disabled: readonly NotificationType[]): NotificationPreferences {
  const entries = Object.entries(OPTIONAL_NOTIFICATIONS).map(([key, type]) => [
    key,
    !disabled.includes(type),
  ]);
  return Object.fromEntries(entries) as NotificationPreferences;
}

/** The disabled types after applying `changes` (unset keys keep their current value). */
export function applyPreferences(
  disabled: readonly NotificationType[],
  changes: NotificationPreferencesInput,
): NotificationType[] {
  const next = new Set(disabled);
  for (const [key, type] of Object.entries(OPTIONAL_NOTIFICATIONS)) {
    const enabled = changes[key as NotificationPreferenceKey];
    if (enabled === true) next.delete(type);
    if (enabled === false) next.add(type);
  }
  return [...next];
}
