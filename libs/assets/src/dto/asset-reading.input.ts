import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsNumber, IsOptional, Max, Min } from 'class-validator';

/** 100 MW, 100 kA: far above any site, low enough to catch a unit mistake. */
export const MAX_READING_WATTS = 100_000_000;
export const MAX_READING_AMPS = 100_000;
const number = { allowNaN: false, allowInfinity: false };

/** Also the JSON body of POST /assets/{tenant}/{assetId}/readings. */
@InputType({ description: 'W drawn from the supply (negative: fed in); timestamp defaults to now' })
export class AssetReadingInput {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  timestamp?: Date;

  @Field(() => Float)
  @IsNumber(number)
  @Min(-MAX_READING_WATTS)
  @Max(MAX_READING_WATTS)
  watts: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(number)
  @Min(-MAX_READING_WATTS)
  @Max(MAX_READING_WATTS)
  wattsL1?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(number)
  @Min(-MAX_READING_WATTS)
  @Max(MAX_READING_WATTS)
  wattsL2?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(number)
  @Min(-MAX_READING_WATTS)
  @Max(MAX_READING_WATTS)
  wattsL3?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(number)
  @Min(0)
  @Max(MAX_READING_AMPS)
  ampsL1?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(number)
  @Min(0)
  @Max(MAX_READING_AMPS)
  ampsL2?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(number)
  @Min(0)
  @Max(MAX_READING_AMPS)
  ampsL3?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(number)
  @Min(1)
  @Max(1000)
  voltsL1?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(number)
  @Min(1)
  @Max(1000)
  voltsL2?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(number)
  @Min(1)
  @Max(1000)
  voltsL3?: number;

  @Field(() => Float, { nullable: true, description: 'Batteries only, percent' })
  @IsOptional()
  @IsNumber(number)
  @Min(0)
  @Max(100)
  stateOfCharge?: number;
}
