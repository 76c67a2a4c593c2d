import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@ArgsType()
export class SiteAreaLoadsArgs {
  @Field(() => ID)
  @IsString()
  siteAreaId: string;

  @Field(() => Date, { nullable: true, description: 'Default: an hour before `to`' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Default: now' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => Int, { defaultValue: 1000, description: 'At most this many points, the latest ones' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit: number;
}
