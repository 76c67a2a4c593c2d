import { STATIC_LIMIT_STACK_LEVEL } from '@csms/stations';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

@InputType()
export class GridPriceInput {
  @Field({ description: '"HH:MM"' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be HH:MM' })
  startTime: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-100)
  @Max(100)
  price: number;
}

@InputType({
  description: 'Fields left out keep their value; null peakPowerWatts / maxPhaseImbalanceAmps removes them',
})
export class UpdateSmartChargingSettingsInput {
  @Field(() => ID)
  @IsString()
  siteAreaId: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(32)
  minimumCurrentAmps?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(15)
  @Max(2880)
  horizonMinutes?: number;

  /**
   * Above the static limits' level: a station replaces a profile of the same purpose and stack level
   * (a 2.0.1 ChargingStationMaxProfile, a TxDefaultProfile), so at that level smart charging would
   * erase the static limit or the static limit the plan; below it a static TxDefaultProfile wins.
   */
  @Field(() => Int, {
    nullable: true,
    description: `At least ${STATIC_LIMIT_STACK_LEVEL + 1}: above the stack level of static limits (${STATIC_LIMIT_STACK_LEVEL})`,
  })
  @IsOptional()
  @IsInt()
  @Min(STATIC_LIMIT_STACK_LEVEL + 1, {
    message: `stackLevel must be above the static limits' stack level ${STATIC_LIMIT_STACK_LEVEL}: a station would replace one profile with the other`,
  })
  @Max(100)
  stackLevel?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  changeThresholdAmps?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  peakPowerWatts?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(10_000)
  maxPhaseImbalanceAmps?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  stickyLimitation?: boolean;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(10)
  @Max(100)
  efficiencyPercent?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(10)
  @Max(100)
  dcEfficiencyPercent?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(100)
  defaultTargetSoc?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(15)
  @Max(10_080)
  defaultStayMinutes?: number | null;

  @Field(() => [GridPriceInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => GridPriceInput)
  @ArrayMaxSize(96)
  gridPrices?: GridPriceInput[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  futureCapacitySharePercent?: number;
}
