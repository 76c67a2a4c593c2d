import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';

@ArgsType()
export class AssetReadingsArgs {
  @Field(() => Date, { nullable: true, description: 'Default: 24 h before `to`' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Default: now' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => Int, { defaultValue: 2000, description: 'At most this many readings, the latest ones' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit: number;
}
