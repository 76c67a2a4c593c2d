import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, Length } from 'class-validator';

/** Relay page arguments with a name filter, shared by the organization lists. */
@ArgsType()
export class NamedConnectionArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name (case-insensitive)' })
  @IsOptional()
  @Length(1, 100)
  name?: string;
}
