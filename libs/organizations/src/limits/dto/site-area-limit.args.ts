import { ArgsType, Field, Float, ID } from '@nestjs/graphql';
import { IsNumber, IsString, Max, Min } from 'class-validator';

@ArgsType()
export class SiteAreaLimitArgs {
  @Field(() => ID)
  @IsString()
  siteAreaId: string;

  @Field(() => Float, { description: 'The power the whole area may draw, in W' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000_000)
  limitWatts: number;
}
