import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A power unit feeding one or more connectors' })
export class ChargePoint {
  @Field(() => Int)
  chargePointId: number;

  @Field(() => [Int])
  connectorIds: number[];

  @Field(() => Float, { nullable: true })
  maximumPowerWatts?: number;

  @Field(() => Boolean, { nullable: true, description: 'The power is shared among the connectors' })
  sharePowerToAllConnectors?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only one connector may charge at a time' })
  cannotChargeInParallel?: boolean;
}
