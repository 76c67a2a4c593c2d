import { LOCALES } from '@csms/common';
import { Role } from '@csms/auth';
import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { UserStatus } from '../models/user-status';

export const LOCALE_MESSAGE = `locale must be one of ${LOCALES.join(', ')}`;
export const PHONE_PATTERN = /^\+?[0-9 ()./-]{4,30}$/;

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @Field({ description: 'At least 8 characters with 3 of: lowercase, uppercase, digit, symbol' })
  @IsString()
  password: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  firstName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  lastName?: string;

  @Field({ nullable: true, description: `One of ${LOCALES.join(', ')}` })
  @IsOptional()
  @IsIn(LOCALES, { message: LOCALE_MESSAGE })
  locale?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone must be a phone number' })
  phone?: string;

  @Field(() => UserStatus, { nullable: true, description: 'Defaults to ACTIVE' })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus;
}
