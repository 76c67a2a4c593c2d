import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';

@ArgsType()
export class RegistrationTokensArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the tokens placing stations in this site area' })
  @IsOptional()
  @IsString()
  siteAreaId?: string;
}
