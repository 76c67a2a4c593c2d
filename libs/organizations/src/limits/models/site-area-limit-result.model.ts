import { StaticLimitResult } from '@csms/stations';
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A site-area limit split over the stations of the area and of its sub-areas' })
export class SiteAreaLimitResult {
  @Field(() => ID)
  siteAreaId: string;

  @Field(() => Float)
  limitWatts: number;

  @Field(() => Float, {
    nullable: true,
    description: 'What each station was asked to keep to (none: no station)',
  })
  shareWatts?: number;

  @Field(() => [StaticLimitResult], { description: 'Per station, sorted by id: what it answered' })
  stations: StaticLimitResult[];
}
