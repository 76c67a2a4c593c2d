import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { StaticLimitStatus } from './static-limit-enums';
import { StaticLimit } from './static-limit.model';

@ObjectType({ description: 'What became of setting or clearing a static limit on one station' })
export class StaticLimitResult {
  @Field(() => ID)
  chargingStationId: string;

  @Field(() => Int)
  connectorId: number;

  @Field(() => StaticLimitStatus)
  status: StaticLimitStatus;

  @Field(() => String, { nullable: true, description: 'Why, when not ACCEPTED (or what to know when it is)' })
  reason?: string;

  @Field(() => String, { nullable: true, description: "The station's own answer word, when it answered" })
  stationStatus?: string;

  @Field(() => StaticLimit, {
    nullable: true,
    description: 'The limit now in force there (set: the new one once ACCEPTED; clear: null once ACCEPTED)',
  })
  limit?: StaticLimit;
}
