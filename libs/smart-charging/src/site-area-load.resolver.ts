import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError } from '@csms/common';
import { EventBus } from '@csms/events';
import { SiteAreaService } from '@csms/organizations';
import { Args, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import { SiteAreaLoadsArgs } from './dto/site-area-loads.args';
import { SITE_AREA_LOAD_UPDATED, SiteAreaLoadUpdatedEvent } from './events/smart-charging-events';
import { SiteAreaLoadRepository } from './load/site-area-load.repository';
import { SiteAreaLoad } from './models/site-area-load.model';

const HOUR_MS = 3_600_000;

@Resolver()
export class SiteAreaLoadResolver {
  constructor(
    private readonly siteAreas: SiteAreaService,
    private readonly loads: SiteAreaLoadRepository,
    private readonly events: EventBus,
  ) {}

  @Query(() => [SiteAreaLoad], {
    description: "The area's load curve per phase beside its fuse, oldest first",
  })
  @CheckAbility('read', 'SiteArea')
  async siteAreaLoads(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: SiteAreaLoadsArgs,
  ): Promise<SiteAreaLoad[]> {
    await this.siteAreas.getReadable(principal, ability, args.siteAreaId);
    const end = args.to ?? new Date();
    const start = args.from ?? new Date(end.getTime() - HOUR_MS);
    if (start.getTime() >= end.getTime()) throw new BadInputError('from must be before to');
    return this.loads.range(principal.tenantId, args.siteAreaId, start, end, args.limit);
  }

  @Subscription(() => SiteAreaLoad, {
    description: "The area's live load per phase (its sub-areas included) beside its fuse",
    resolve: (event: SiteAreaLoadUpdatedEvent) => event.payload,
  })
  @CheckAbility('read', 'SiteArea')
  async siteAreaLoadUpdated(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('siteAreaId', { type: () => ID }) siteAreaId: string,
  ): Promise<AsyncIterableIterator<SiteAreaLoadUpdatedEvent>> {
    await this.siteAreas.getReadable(principal, ability, siteAreaId);
    return this.events.iterate<SiteAreaLoadUpdatedEvent>(
      [SITE_AREA_LOAD_UPDATED],
      (event) => event.tenantId === principal.tenantId && event.payload.siteAreaId === siteAreaId,
    );
  }
}
