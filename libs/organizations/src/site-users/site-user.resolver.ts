import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection } from '@csms/common';
import { User, UserService } from '@csms/users';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SiteUsersArgs } from './dto/site-users.args';
import { SiteUserConnection } from './models/site-user-connection.model';
import { SiteUserRole } from './models/site-user-role';
import { SiteUser } from './models/site-user.model';
import { SiteUserService } from './site-user.service';

const siteIdArg = { name: 'siteId', type: () => ID };
const userIdArg = { name: 'userId', type: () => ID };

@Resolver(() => SiteUser)
export class SiteUserResolver {
  constructor(
    private readonly siteUsers: SiteUserService,
    private readonly users: UserService,
  ) {}

  @Query(() => SiteUserConnection, {
    name: 'siteUsers',
    description: 'The admins and owners of a site, by user id',
  })
  @CheckAbility('update', 'Site')
  listSiteUsers(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: SiteUsersArgs,
  ): Promise<Connection<SiteUser>> {
    return this.siteUsers.list(principal, ability, args);
  }

  @Mutation(() => SiteUser, {
    description: "A basic user who then manages the site's stations, sessions and site areas",
  })
  @CheckAbility('update', 'Site')
  assignSiteAdmin(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args(siteIdArg) siteId: string,
    @Args(userIdArg) userId: string,
  ): Promise<SiteUser> {
    return this.siteUsers.assign(principal, ability, siteId, userId, SiteUserRole.SITE_ADMIN);
  }

  @Mutation(() => SiteUser, { description: "A basic user who then reads the site's stations and sessions" })
  @CheckAbility('update', 'Site')
  assignSiteOwner(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args(siteIdArg) siteId: string,
    @Args(userIdArg) userId: string,
  ): Promise<SiteUser> {
    return this.siteUsers.assign(principal, ability, siteId, userId, SiteUserRole.SITE_OWNER);
  }

  @Mutation(() => Boolean, { description: 'False when the user was not admin of the site' })
  @CheckAbility('update', 'Site')
  removeSiteAdmin(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args(siteIdArg) siteId: string,
    @Args(userIdArg) userId: string,
  ): Promise<boolean> {
    return this.siteUsers.remove(principal, ability, siteId, userId, SiteUserRole.SITE_ADMIN);
  }

  @Mutation(() => Boolean, { description: 'False when the user was not owner of the site' })
  @CheckAbility('update', 'Site')
  removeSiteOwner(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args(siteIdArg) siteId: string,
    @Args(userIdArg) userId: string,
  ): Promise<boolean> {
    return this.siteUsers.remove(principal, ability, siteId, userId, SiteUserRole.SITE_OWNER);
  }

  @ResolveField(() => User, { nullable: true, description: 'Null once the user is deleted' })
  user(
    @Parent() siteUser: SiteUser,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<User | null> {
    return this.users.findForDisplay(principal.tenantId, ability, siteUser.userId);
  }
}
