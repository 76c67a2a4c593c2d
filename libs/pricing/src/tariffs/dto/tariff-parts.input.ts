import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DayOfWeek, ReservationRestrictionType, TariffDimensionType } from '../../graphql/pricing-enums';

const CLOCK = /^([0-1][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^([12][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

@InputType()
export class PriceInput {
  @Field(() => Float)
  @IsNumber()
  @Min(0)
  exclVat: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  inclVat?: number;
}

@InputType()
export class PriceComponentInput {
  @Field(() => TariffDimensionType)
  @IsEnum(TariffDimensionType)
  type: TariffDimensionType;

  @Field(() => Float, { description: 'Per kWh, per hour, or once (FLAT), excluding VAT' })
  @IsNumber()
  @Min(0)
  price: number;

  @Field(() => Float, { nullable: true, description: 'Percent; leave out when no VAT applies' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  vat?: number;

  @Field(() => Int, { description: 'Wh for ENERGY, seconds for TIME and PARKING_TIME; 1 bills exactly' })
  @IsInt()
  @Min(0)
  stepSize: number;
}

@InputType()
export class TariffRestrictionsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CLOCK, { message: 'startTime must be HH:MM (24 h)' })
  startTime?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CLOCK, { message: 'endTime must be HH:MM (24 h)' })
  endTime?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'startDate must be YYYY-MM-DD' })
  startDate?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'endDate must be YYYY-MM-DD' })
  endDate?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  minKwh?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  maxKwh?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  minCurrent?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  maxCurrent?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  minPower?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  maxPower?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  minDuration?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxDuration?: number;

  @Field(() => [DayOfWeek], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(DayOfWeek, { each: true })
  dayOfWeek?: DayOfWeek[];

  @Field(() => ReservationRestrictionType, { nullable: true })
  @IsOptional()
  @IsEnum(ReservationRestrictionType)
  reservation?: ReservationRestrictionType;
}

@InputType()
export class TariffElementInput {
  @Field(() => [PriceComponentInput])
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PriceComponentInput)
  priceComponents: PriceComponentInput[];

  @Field(() => TariffRestrictionsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TariffRestrictionsInput)
  restrictions?: TariffRestrictionsInput;
}

@InputType()
export class DisplayTextInput {
  @Field({ description: 'ISO 639-1 language code' })
  @Length(2, 2)
  language: string;

  @Field()
  @IsString()
  @Length(1, 512)
  text: string;
}
