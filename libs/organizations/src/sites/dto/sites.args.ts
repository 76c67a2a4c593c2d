import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { NamedConnectionArgs } from '../../shared/named-args';

@ArgsType()
export class SitesArgs extends NamedConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the sites of this company' })
  @IsOptional()
  @IsString()
  companyId?: string;
}
