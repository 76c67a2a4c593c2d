import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A part of a site behind one electrical supply (fuse); areas nest' })
export class SiteArea {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  siteId: string;

  @Field()
  name: string;

  @Field(() => Float, { nullable: true, description: 'What the supply can deliver, in W' })
  maximumPowerWatts?: number;

  @Field(() => Int, { nullable: true, description: '1 or 3' })
  numberOfPhases?: number;

  @Field(() => Float, { nullable: true, description: 'Supply voltage, in V' })
  voltage?: number;

  @Field(() => Float, { nullable: true, description: 'The fuse: what each phase may carry, in A' })
  maximumCurrentAmps?: number;

  @Field(() => Boolean, { nullable: true, description: 'The optimizer manages the stations of this area' })
  smartCharging: boolean;

  @Field(() => ID, { nullable: true, description: 'The enclosing area (nested fuses)' })
  parentSiteAreaId?: string;

  @Field({ description: 'Whether drivers must be authorized (badge) to charge here' })
  accessControl: boolean;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;
}
