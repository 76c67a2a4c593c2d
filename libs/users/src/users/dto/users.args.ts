import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, Length } from 'class-validator';

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the email, first or last name (case-insensitive)',
  })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}
