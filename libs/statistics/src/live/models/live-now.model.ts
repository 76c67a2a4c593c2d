import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How many connectors report one status' })
export class LiveStatusCount {
  @Field({ description: 'Available, Preparing, Charging, SuspendedEV, Finishing, Faulted, Unavailable, …' })
  status: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ isAbstract: true })
export class LiveFigures {
  @Field(() => Float, { description: 'Power drawn now by the sessions in progress, W' })
  powerWatts: number;

  @Field(() => Int)
  sessionsInProgress: number;

  @Field(() => Int)
  stationsOnline: number;

  @Field(() => Int)
  stationsOffline: number;

  @Field(() => [LiveStatusCount], {
    description: 'Connectors by status (an offline station counts as its last reported statuses)',
  })
  connectorsByStatus: LiveStatusCount[];
}

@ObjectType({ description: 'A site area now' })
export class LiveSiteArea extends LiveFigures {
  @Field(() => ID, { nullable: true, description: 'Null for stations of the site in no area' })
  siteAreaId: string | null;

  @Field(() => String, { nullable: true })
  name: string | null;
}

@ObjectType({ description: 'A site now, with its areas' })
export class LiveSite extends LiveFigures {
  @Field(() => ID, { nullable: true, description: 'Null for stations in no site' })
  siteId: string | null;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => [LiveSiteArea])
  siteAreas: LiveSiteArea[];
}

@ObjectType({
  description:
    'What the stations you may see do now: power, sessions in progress, stations online and by status. Served from memory (kept by events), cheap to poll',
})
export class LiveNow extends LiveFigures {
  @Field(() => Date)
  at: Date;

  @Field(() => [LiveSite], { description: 'Most power first' })
  sites: LiveSite[];
}
