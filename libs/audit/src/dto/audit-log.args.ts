import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsDate, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { AuditOutcome } from '../audit-entry';

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Entries about this object' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  targetId?: string;

  @Field(() => ID, { nullable: true, description: 'Entries of this user or API key' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  actorId?: string;

  @Field(() => String, { nullable: true, description: 'e.g. reset, createApiKey, loginFailed' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;

  @Field(() => String, { nullable: true, description: 'e.g. ChargingStation, User, ApiKey, Tenant' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  targetType?: string;

  @Field(() => String, { nullable: true, description: 'ok, refused or failed' })
  @IsOptional()
  @IsIn(Object.values(AuditOutcome), { message: 'outcome must be ok, refused or failed' })
  outcome?: string;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Entries before this time' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
