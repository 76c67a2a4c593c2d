import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RefundReportsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Whose reports (admins; default: yours)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  userId?: string;
}
