import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

@InputType()
export class AcConverterInput {
  @Field(() => Float, { description: 'kW' })
  @IsPositive()
  @Max(100)
  powerKw: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(3)
  phases: number;

  @Field(() => Float)
  @IsPositive()
  @Max(125)
  ampsPerPhase: number;
}

@InputType()
export class CarInput {
  @Field(() => ID, { description: 'A model of the car catalog' })
  @IsString()
  @Length(1, 100)
  carModelId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Vehicle identification number (ISO 3779: 17 characters, no I, O or Q)',
  })
  @IsOptional()
  @Matches(/^[A-HJ-NPR-Z0-9]{17}$/, {
    message: 'vin must be 17 characters: digits and capitals other than I, O, Q',
  })
  vin?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9 -]{0,14}$/i, {
    message: 'licensePlate must be up to 15 letters, digits, spaces or dashes',
  })
  licensePlate?: string;

  @Field(() => AcConverterInput, {
    nullable: true,
    description: "When the car charges on AC otherwise than its model's",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AcConverterInput)
  converter?: AcConverterInput;

  @Field(() => Boolean, { nullable: true, description: 'The car sessions take when none is chosen' })
  @IsOptional()
  isDefault?: boolean;
}

@InputType()
export class CreateCarInput extends CarInput {
  @Field(() => ID, { nullable: true, description: 'Whose car (default: the caller)' })
  @IsOptional()
  @IsString()
  userId?: string;
}

@InputType()
export class UpdateCarInput extends CarInput {
  @Field(() => ID)
  @IsString()
  id: string;
}

@ArgsType()
export class CarsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the cars of this user' })
  @IsOptional()
  @IsString()
  userId?: string;
}
