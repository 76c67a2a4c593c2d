import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReasonCode } from '../optimizer/optimizer.types';

registerEnumType(ReasonCode, {
  name: 'SmartChargingReason',
  description: 'What sets a connector limit now: a fuse, peak shaving, phase balancing, its own limit, cost…',
});

export enum ProfileDelivery {
  /** The station accepted the schedule. */
  ACCEPTED = 'ACCEPTED',
  /** Within the change threshold of what the station has: not sent again. */
  UNCHANGED = 'UNCHANGED',
  /** Not accepted after the retries: the station is excluded. */
  FAILED = 'FAILED',
  /** Nothing sent: the station is excluded, or cannot take profiles. */
  NOT_SENT = 'NOT_SENT',
}
registerEnumType(ProfileDelivery, { name: 'ProfileDelivery' });

@ObjectType({ description: 'One period of a schedule: from start until the next one' })
export class ChargingPeriod {
  @Field(() => Date)
  start: Date;

  @Field(() => Float, { nullable: true, description: 'Per phase, A' })
  limitAmps?: number;

  @Field(() => Float, { nullable: true, description: 'On all its phases together, W' })
  limitWatts?: number;
}

@ObjectType({ description: "A connector's schedule and why" })
export class ConnectorPlan {
  @Field(() => ID)
  chargingStationId: string;

  @Field(() => Int)
  connectorId: number;

  @Field(() => ID, { nullable: true })
  transactionId?: string;

  @Field(() => ID)
  siteAreaId: string;

  @Field(() => [ChargingPeriod])
  periods: ChargingPeriod[];

  @Field(() => String, { nullable: true, description: 'Why, e.g. "limited by the fuse L2 of area Garage"' })
  reason?: string;

  @Field(() => ReasonCode, { nullable: true })
  reasonCode?: ReasonCode;

  @Field(() => [Int], { description: 'The grid phases it draws on (1..3), after phase rotation' })
  gridPhases: number[];

  @Field(() => ProfileDelivery)
  delivery: ProfileDelivery;

  @Field(() => String, { nullable: true, description: "The station's answer or what went wrong" })
  deliveryDetail?: string;
}

@ObjectType()
export class SmartChargingPlan {
  @Field(() => ID)
  siteAreaId: string;

  @Field(() => Date)
  computedAt: Date;

  @Field(() => [ConnectorPlan])
  connectors: ConnectorPlan[];
}
