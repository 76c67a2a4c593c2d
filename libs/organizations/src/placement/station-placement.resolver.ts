import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { ChargingStation } from '@csms/stations';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationLoaderFactory } from '../shared/organization-loaders';
import { SiteArea } from '../site-areas/models/site-area.model';
import { Site } from '../sites/models/site.model';
import { StationAssignmentService } from './station-assignment.service';

/** Where a charging station stands: its site area and site, resolved per page with DataLoaders. */
@Resolver(() => ChargingStation)
export class StationPlacementResolver {
  constructor(
    private readonly assignments: StationAssignmentService,
    private readonly loaders: OrganizationLoaderFactory,
  ) {}

  @Mutation(() => ChargingStation, { description: 'Null siteAreaId takes the station out of its site area' })
  @CheckAbility('update', 'ChargingStation')
  assignChargingStationToSiteArea(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('chargingStationId', { type: () => ID }) chargingStationId: string,
    @Args('siteAreaId', { type: () => ID, nullable: true }) siteAreaId?: string | null,
  ): Promise<ChargingStation> {
    return this.assignments.assign(principal, ability, chargingStationId, siteAreaId ?? null);
  }

  @ResolveField(() => SiteArea, { nullable: true, description: 'Null when unplaced or not readable' })
  siteArea(
    @Parent() station: ChargingStation,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Context('req') request: object,
  ): Promise<SiteArea | null> {
    if (!station.siteAreaId) return Promise.resolve(null);
    return this.loaders.forRequest(request, principal.tenantId, ability).siteAreas.load(station.siteAreaId);
  }

  @ResolveField(() => Site, { nullable: true, description: 'Null when unplaced or not readable' })
  site(
    @Parent() station: ChargingStation,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Context('req') request: object,
  ): Promise<Site | null> {
    if (!station.siteId) return Promise.resolve(null);
    return this.loaders.forRequest(request, principal.tenantId, ability).sites.load(station.siteId);
  }
}
