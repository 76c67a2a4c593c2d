import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsMongoId, IsOptional } from 'class-validator';

@ArgsType()
export class OcpiMessagesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the requests to and from this partner' })
  @IsOptional()
  @IsMongoId()
  partnerId?: string;
}
