import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsOptional, IsString } from 'class-validator';

@InputType()
export class TransactionFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  chargingStationId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  userId?: string;

  @Field(() => Date, { nullable: true, description: 'Sessions started at or after' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Sessions started before' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
