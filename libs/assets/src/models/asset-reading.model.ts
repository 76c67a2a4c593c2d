import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

/**
 * One measurement of an asset. Power is what the asset draws from the site area's supply: positive
 * when it consumes (a building, a battery charging), negative when it feeds in (solar, a battery
 * discharging). Currents are magnitudes; their direction is the sign of the phase's (or total) power.
 */
@ObjectType({ description: 'One measurement: W drawn from the supply (negative: fed in), per phase A and V' })
export class AssetReading {
  @Field(() => ID)
  assetId: string;

  @Field(() => Date)
  timestamp: Date;

  @Field(() => Float, { description: 'Total power drawn, W (negative: produced)' })
  watts: number;

  @Field(() => Float, { nullable: true })
  wattsL1?: number;

  @Field(() => Float, { nullable: true })
  wattsL2?: number;

  @Field(() => Float, { nullable: true })
  wattsL3?: number;

  @Field(() => Float, { nullable: true })
  ampsL1?: number;

  @Field(() => Float, { nullable: true })
  ampsL2?: number;

  @Field(() => Float, { nullable: true })
  ampsL3?: number;

  @Field(() => Float, { nullable: true })
  voltsL1?: number;

  @Field(() => Float, { nullable: true })
  voltsL2?: number;

  @Field(() => Float, { nullable: true })
  voltsL3?: number;

  @Field(() => Float, { nullable: true, description: 'Batteries: state of charge, percent' })
  stateOfCharge?: number;
}
