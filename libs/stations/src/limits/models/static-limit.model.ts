import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ChargingRateUnit } from '../../commands/command-enums';
import { StaticLimitMethod } from './static-limit-enums';

@ObjectType({ description: 'A power or current limit a station accepted and keeps until cleared' })
export class StaticLimit {
  @Field(() => Int, { description: '0: the whole station' })
  connectorId: number;

  @Field(() => Float, {
    description: 'The limit in W (amperes converted with the supply voltage and phases)',
  })
  watts: number;

  @Field(() => Float, { nullable: true, description: 'The limit in A, when the station was given amperes' })
  amps?: number;

  @Field(() => ChargingRateUnit, { description: 'The unit the station was given the limit in' })
  unit: ChargingRateUnit;

  @Field()
  appliedAt: Date;

  @Field(() => StaticLimitMethod)
  method: StaticLimitMethod;
}
