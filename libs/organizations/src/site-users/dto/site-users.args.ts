import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { SiteUserRole } from '../models/site-user-role';

@ArgsType()
export class SiteUsersArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsString()
  siteId: string;

  @Field(() => SiteUserRole, { nullable: true, description: 'Only this role' })
  @IsOptional()
  @IsEnum(SiteUserRole)
  role?: SiteUserRole;
}
