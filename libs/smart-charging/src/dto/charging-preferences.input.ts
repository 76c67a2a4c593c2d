import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Max, Min } from 'class-validator';

@InputType({ description: 'What the driver says; smart charging plans the session to it' })
export class ChargingPreferencesInput {
  @Field(() => ID)
  @IsString()
  transactionId: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  departureAt?: Date;

  @Field(() => Float, { nullable: true, description: 'Percent' })
  @IsOptional()
  @Min(1)
  @Max(100)
  targetSoc?: number;
}
