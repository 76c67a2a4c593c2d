import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ChargingProfileKind,
  ChargingProfilePurpose,
  ChargingRateUnit,
  RecurrencyKind,
} from '../commands/command-enums';

@InputType()
export class ChargingSchedulePeriodInput {
  @Field(() => Int, { description: 'Seconds from the start of the schedule' })
  @IsInt()
  @Min(0)
  startPeriod: number;

  @Field(() => Float, { description: 'In the schedule rate unit (W or A)' })
  @IsNumber()
  @Min(0)
  limit: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  numberPhases?: number;
}

@InputType()
export class ChargingScheduleInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  duration?: number;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startSchedule?: Date;

  @Field(() => ChargingRateUnit)
  @IsEnum(ChargingRateUnit)
  rateUnit: ChargingRateUnit;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  minChargingRate?: number;

  @Field(() => [ChargingSchedulePeriodInput])
  @ValidateNested({ each: true })
  @Type(() => ChargingSchedulePeriodInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  periods: ChargingSchedulePeriodInput[];
}

@InputType('ChargingProfileInput')
export class ChargingProfileGraphQLInput {
  @Field(() => Int)
  @IsInt()
  chargingProfileId: number;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  stackLevel: number;

  @Field(() => ChargingProfilePurpose)
  @IsEnum(ChargingProfilePurpose)
  purpose: ChargingProfilePurpose;

  @Field(() => ChargingProfileKind, { defaultValue: ChargingProfileKind.Absolute })
  @IsEnum(ChargingProfileKind)
  kind: ChargingProfileKind;

  @Field(() => RecurrencyKind, { nullable: true })
  @IsOptional()
  @IsEnum(RecurrencyKind)
  recurrencyKind?: RecurrencyKind;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validFrom?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validTo?: Date;

  @Field(() => Int, { nullable: true, description: 'OCPP 1.x transaction id, for TxProfile' })
  @IsOptional()
  @IsInt()
  transactionId?: number;

  @Field(() => String, {
    nullable: true,
    description: "The transaction's ocppTransactionId, for TxProfile: OCPP 2.0.1 ids are strings",
  })
  @IsOptional()
  @Length(1, 36)
  ocppTransactionId?: string;

  @Field(() => ChargingScheduleInput)
  @ValidateNested()
  @Type(() => ChargingScheduleInput)
  schedule: ChargingScheduleInput;
}
