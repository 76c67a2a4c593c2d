import { LOCALES } from '@csms/common';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  ValidateNested,
} from 'class-validator';
import { TenantComponentsInput } from '../models/tenant-components.model';
import { RegistrationPolicy } from '../schemas/tenant.schema';

@InputType()
export class UpdateTenantInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({
    nullable: true,
    description: 'false deactivates the tenant: logins, tokens and stations are refused',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => RegistrationPolicy, { nullable: true })
  @IsOptional()
  @IsEnum(RegistrationPolicy)
  registrationPolicy?: RegistrationPolicy;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  selfRegistration?: boolean;

  @Field(() => [String], { nullable: true, description: `Among ${LOCALES.join(', ')}` })
  @IsOptional()
  @ArrayMinSize(1)
  @IsIn(LOCALES, {
    each: true,
    message: `locales must be among ${LOCALES.join(', ')}`,
  })
  locales?: string[];

  @Field({ nullable: true, description: 'IANA time zone, e.g. Europe/Paris' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @Field(() => TenantComponentsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantComponentsInput)
  components?: TenantComponentsInput;
}
