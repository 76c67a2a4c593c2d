import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What a site area draws per phase (its sub-areas included) beside its fuse' })
export class SiteAreaLoad {
  @Field(() => ID)
  siteAreaId: string;

  @Field(() => Date)
  timestamp: Date;

  @Field(() => Float)
  ampsL1: number;

  @Field(() => Float)
  ampsL2: number;

  @Field(() => Float)
  ampsL3: number;

  @Field(() => Float, { nullable: true, description: "The area's fuse per phase, A" })
  limitAmps?: number;

  @Field(() => Float, { description: 'Of which charging, L1' })
  chargingAmpsL1: number;

  @Field(() => Float)
  chargingAmpsL2: number;

  @Field(() => Float)
  chargingAmpsL3: number;

  @Field(() => Float, { description: 'Of which assets (negative: produced), L1' })
  assetAmpsL1: number;

  @Field(() => Float)
  assetAmpsL2: number;

  @Field(() => Float)
  assetAmpsL3: number;
}
