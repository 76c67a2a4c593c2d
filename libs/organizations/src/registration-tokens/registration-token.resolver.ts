import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SiteArea } from '../site-areas/models/site-area.model';
import { OrganizationLoaderFactory } from '../shared/organization-loaders';
import { CreateRegistrationTokenInput } from './dto/create-registration-token.input';
import { RegistrationTokensArgs } from './dto/registration-tokens.args';
import { UpdateRegistrationTokenInput } from './dto/update-registration-token.input';
import { RegistrationTokenConnection } from './models/registration-token-connection.model';
import { RegistrationToken } from './models/registration-token.model';
import { RegistrationTokenService } from './registration-token.service';

@Resolver(() => RegistrationToken)
export class RegistrationTokenResolver {
  constructor(
    private readonly tokens: RegistrationTokenService,
    private readonly loaders: OrganizationLoaderFactory,
  ) {}

  @Query(() => RegistrationTokenConnection, { description: 'Newest first' })
  @CheckAbility('list', 'RegistrationToken')
  registrationTokens(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: RegistrationTokensArgs,
  ): Promise<Connection<RegistrationToken>> {
    return this.tokens.list(principal, ability, args);
  }

  @Query(() => RegistrationToken)
  @CheckAbility('read', 'RegistrationToken')
  registrationToken(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RegistrationToken> {
    return this.tokens.getReadable(principal, ability, id);
  }

  @Mutation(() => RegistrationToken, {
    description: 'The answer holds `token` and `stationUrls`: copy them now, they are not shown again',
  })
  @CheckAbility('create', 'RegistrationToken')
  createRegistrationToken(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateRegistrationTokenInput,
  ): Promise<RegistrationToken> {
    return this.tokens.create(principal, ability, input);
  }

  @Mutation(() => RegistrationToken)
  @CheckAbility('update', 'RegistrationToken')
  updateRegistrationToken(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateRegistrationTokenInput,
  ): Promise<RegistrationToken> {
    return this.tokens.update(principal, ability, input);
  }

  @Mutation(() => RegistrationToken, { description: 'No new station registers with it any more' })
  @CheckAbility('update', 'RegistrationToken')
  revokeRegistrationToken(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RegistrationToken> {
    return this.tokens.revoke(principal, ability, id);
  }

  @Mutation(() => Boolean)
  @CheckAbility('delete', 'RegistrationToken')
  deleteRegistrationToken(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.tokens.delete(principal, ability, id);
  }

  @ResolveField(() => SiteArea, { nullable: true })
  siteArea(
    @Parent() token: RegistrationToken,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Context('req') request: object,
  ): Promise<SiteArea | null> {
    if (!token.siteAreaId) return Promise.resolve(null);
    return this.loaders.forRequest(request, principal.tenantId, ability).siteAreas.load(token.siteAreaId);
  }
}
