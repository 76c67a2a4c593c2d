import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';

@ArgsType()
export class OcppMessagesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the frames of this station' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  chargingStationId?: string;

  @Field(() => String, {
    nullable: true,
    description: "Only the call with this message id (an audit entry's `ocppCalls` gives it)",
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  messageId?: string;
}
