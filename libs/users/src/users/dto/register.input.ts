import { LOCALES } from '@csms/common';
import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { LOCALE_MESSAGE } from './create-user.input';

@InputType()
export class RegisterInput {
  @Field(() => String, { nullable: true, description: 'Defaults to "default"' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'tenant must be a tenant id' })
  tenant?: string;

  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @Field()
  @IsString()
  password: string;

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
}
