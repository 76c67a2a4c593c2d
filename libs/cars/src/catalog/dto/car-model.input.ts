import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsPositive,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

@InputType()
export class ChargingCurvePointInput {
  @Field(() => Float)
  @Min(0)
  @Max(100)
  soc: number;

  @Field(() => Float)
  @Min(0)
  @Max(1000)
  powerKw: number;
}

@InputType()
export class CarModelInput {
  @Field()
  @Length(1, 100)
  brand: string;

  @Field()
  @Length(1, 200)
  model: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  variant?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  releaseYear?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  @Max(1000)
  batteryKwh?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  @Max(100)
  acMaxKw?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3)
  acPhases?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  @Max(1000)
  dcMaxKw?: number;

  @Field(() => [ChargingCurvePointInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(101)
  @ValidateNested({ each: true })
  @Type(() => ChargingCurvePointInput)
  dcChargingCurve?: ChargingCurvePointInput[];
}

@InputType()
export class UpdateCarModelInput extends CarModelInput {
  @Field(() => ID)
  @Length(1, 100)
  id: string;
}
