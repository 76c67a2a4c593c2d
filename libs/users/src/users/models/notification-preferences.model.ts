import { NotificationType } from '@csms/notifications';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';

/** The optional notification types a user switches on or off (security emails are always sent). */
export const OPTIONAL_NOTIFICATIONS = {
  sessionStarted: NotificationType.SESSION_STARTED,
  sessionEnded: NotificationType.SESSION_ENDED,
  accountStatusChanged: NotificationType.ACCOUNT_STATUS_CHANGED,
  newUserRegistered: NotificationType.NEW_USER_REGISTERED,
} as const;

export type NotificationPreferenceKey = keyof typeof OPTIONAL_NOTIFICATIONS;

@ObjectType()
export class NotificationPreferences {
  @Field()
  sessionStarted: boolean;

  @Field()
  sessionEnded: boolean;

  @Field()
  accountStatusChanged: boolean;

  @Field({ description: 'Admins only: a user registered in the tenant' })
  newUserRegistered: boolean;
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
  accountStatusChanged?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  newUserRegistered?: boolean;
}

export function preferencesOf(disabled: readonly NotificationType[]): NotificationPreferences {
  const entries = Object.entries(OPTIONAL_NOTIFICATIONS).map(([key, type]) => [key, !disabled.includes(type)]);
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
