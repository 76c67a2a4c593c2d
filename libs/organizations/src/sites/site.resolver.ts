import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Company } from '../companies/models/company.model';
import { OrganizationLoaderFactory } from '../shared/organization-loaders';
import { CreateSiteInput } from './dto/create-site.input';
import { SitesArgs } from './dto/sites.args';
import { UpdateSiteInput } from './dto/update-site.input';
import { SiteConnection } from './models/site-connection.model';
import { Site } from './models/site.model';
import { SiteService } from './site.service';

@Resolver(() => Site)
export class SiteResolver {
  constructor(
    private readonly sites: SiteService,
    private readonly loaders: OrganizationLoaderFactory,
  ) {}

  @Query(() => SiteConnection, {
    name: 'sites',
    description: 'Sorted by name. Basic users see public sites and the sites they administer or own',
  })
  @CheckAbility('list', 'Site')
  listSites(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: SitesArgs,
  ): Promise<Connection<Site>> {
    return this.sites.list(principal, ability, args);
  }

  @Query(() => Site)
  @CheckAbility('read', 'Site')
  site(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Site> {
    return this.sites.getReadable(principal, ability, id);
  }

  @Mutation(() => Site)
  @CheckAbility('create', 'Site')
  createSite(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateSiteInput,
  ): Promise<Site> {
    return this.sites.create(principal, ability, input);
  }

  @Mutation(() => Site)
  @CheckAbility('update', 'Site')
  updateSite(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateSiteInput,
  ): Promise<Site> {
    return this.sites.update(principal, ability, input);
  }

  @Mutation(() => Boolean, {
    description: 'Refused (BAD_USER_INPUT) while the site has site areas or stations',
  })
  @CheckAbility('delete', 'Site')
  deleteSite(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.sites.delete(principal, ability, id);
  }

  @ResolveField(() => Company, { nullable: true, description: 'Null when the caller may not read it' })
  company(
    @Parent() site: Site,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Context('req') request: object,
  ): Promise<Company | null> {
    return this.loaders.forRequest(request, principal.tenantId, ability).companies.load(site.companyId);
  }
}
