import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';

@ArgsType()
export class TagsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the badges of this user' })
  @IsOptional()
  @IsString()
  userId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the badge id or description (case-insensitive)',
  })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}
