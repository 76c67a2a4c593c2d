import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A station smart charging no longer controls, and why' })
export class StationExclusion {
  @Field(() => ID)
  chargingStationId: string;

  @Field()
  reason: string;

  @Field(() => Date)
  excludedAt: Date;
}
