import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';
import { NamedConnectionArgs } from '../../shared/named-args';

@ArgsType()
export class SiteAreasArgs extends NamedConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the areas of this site' })
  @IsOptional()
  @IsString()
  siteId?: string;
}
