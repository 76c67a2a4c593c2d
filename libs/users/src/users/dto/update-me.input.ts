import { LOCALES } from '@csms/common';
import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { NotificationPreferencesInput } from '../models/notification-preferences.model';
import { LOCALE_MESSAGE, PHONE_PATTERN } from './create-user.input';

/** What users may change on their own profile. */
@InputType()
export class UpdateMeInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  firstName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  lastName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(LOCALES, { message: LOCALE_MESSAGE })
  locale?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone must be a phone number' })
  phone?: string;

  @Field(() => NotificationPreferencesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationPreferencesInput)
  notificationPreferences?: NotificationPreferencesInput;
}
