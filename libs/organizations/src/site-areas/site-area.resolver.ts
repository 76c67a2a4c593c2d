import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationLoaderFactory } from '../shared/organization-loaders';
import { Site } from '../sites/models/site.model';
import { CreateSiteAreaInput } from './dto/create-site-area.input';
import { SiteAreasArgs } from './dto/site-areas.args';
import { UpdateSiteAreaInput } from './dto/update-site-area.input';
import { SiteAreaConnection } from './models/site-area-connection.model';
import { SiteArea } from './models/site-area.model';
import { SiteAreaService } from './site-area.service';

@Resolver(() => SiteArea)
export class SiteAreaResolver {
  constructor(
    private readonly siteAreas: SiteAreaService,
    private readonly loaders: OrganizationLoaderFactory,
  ) {}

  @Query(() => SiteAreaConnection, { name: 'siteAreas', description: 'Sorted by name' })
  @CheckAbility('list', 'SiteArea')
  listSiteAreas(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: SiteAreasArgs,
  ): Promise<Connection<SiteArea>> {
    return this.siteAreas.list(principal, ability, args);
  }

  @Query(() => SiteArea)
  @CheckAbility('read', 'SiteArea')
  siteArea(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SiteArea> {
    return this.siteAreas.getReadable(principal, ability, id);
  }

  @Mutation(() => SiteArea)
  @CheckAbility('create', 'SiteArea')
  createSiteArea(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateSiteAreaInput,
  ): Promise<SiteArea> {
    return this.siteAreas.create(principal, ability, input);
  }

  @Mutation(() => SiteArea, { description: 'A parent that would make a loop is refused (BAD_USER_INPUT)' })
  @CheckAbility('update', 'SiteArea')
  updateSiteArea(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateSiteAreaInput,
  ): Promise<SiteArea> {
    return this.siteAreas.update(principal, ability, input);
  }

  @Mutation(() => Boolean, {
    description: 'Refused (BAD_USER_INPUT) while sub-areas, stations or usable registration tokens remain',
  })
  @CheckAbility('delete', 'SiteArea')
  deleteSiteArea(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.siteAreas.delete(principal, ability, id);
  }

  @ResolveField(() => Site, { nullable: true, description: 'Null when the caller may not read it' })
  site(
    @Parent() area: SiteArea,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Context('req') request: object,
  ): Promise<Site | null> {
    return this.loaders.forRequest(request, principal.tenantId, ability).sites.load(area.siteId);
  }

  @ResolveField(() => SiteArea, { nullable: true })
  parentSiteArea(
    @Parent() area: SiteArea,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Context('req') request: object,
  ): Promise<SiteArea | null> {
    if (!area.parentSiteAreaId) return Promise.resolve(null);
    return this.loaders
      .forRequest(request, principal.tenantId, ability)
      .siteAreas.load(area.parentSiteAreaId);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the caller may change this area (its settings, smart charging, a new plan now)',
  })
  canUpdate(@CurrentAbility() ability: AppAbility | undefined, @Parent() area: SiteArea): boolean {
    return canOn(ability, 'update', 'SiteArea', area);
  }
}
