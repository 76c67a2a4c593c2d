import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsPositive, IsString, Length, Max } from 'class-validator';

@InputType({
  description: 'Fields left out keep their value; null parentSiteAreaId makes it a top-level area',
})
export class UpdateSiteAreaInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  maximumPowerWatts?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsIn([1, 3], { message: 'numberOfPhases must be 1 or 3' })
  numberOfPhases?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  voltage?: number;

  @Field(() => Float, { nullable: true, description: 'The fuse: what each phase may carry, in A' })
  @IsOptional()
  @IsPositive()
  @Max(100_000)
  maximumCurrentAmps?: number;

  @Field(() => Boolean, { nullable: true, description: 'The optimizer manages the stations of this area' })
  @IsOptional()
  @IsBoolean()
  smartCharging?: boolean;

  @Field(() => ID, { nullable: true, description: 'An area of the same site, not one of its own sub-areas' })
  @IsOptional()
  @IsString()
  parentSiteAreaId?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  accessControl?: boolean;
}
