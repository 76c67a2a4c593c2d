import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { RoamingOutboxStatus } from '../models/outbox-message.model';

@ArgsType()
export class RoamingOutboxArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  partnerId?: string;

  @Field(() => RoamingOutboxStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RoamingOutboxStatus)
  status?: RoamingOutboxStatus;
}
