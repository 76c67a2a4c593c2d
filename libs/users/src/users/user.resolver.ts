import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { Connection } from '@csms/common';
import { DomainEvent, EventBus } from '@csms/events';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CreateUserInput } from './dto/create-user.input';
import { UpdateMeInput } from './dto/update-me.input';
import { UpdateUserInput } from './dto/update-user.input';
import { UsersArgs } from './dto/users.args';
import { NotificationPreferences, preferencesOf } from './models/notification-preferences.model';
import { UserConnection } from './models/user-connection.model';
import { User } from './models/user.model';
import { USER_CREATED, UserService } from './user.service';

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly users: UserService,
    private readonly events: EventBus,
  ) {}

  @Query(() => User, { description: 'The authenticated user' })
  me(@CurrentPrincipal() principal: Principal): Promise<User> {
    return this.users.get(principal.tenantId, principal.userId);
  }

  @Query(() => UserConnection, { name: 'users', description: 'Users of the tenant the caller may list' })
  @CheckAbility('list', 'User')
  listUsers(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: UsersArgs,
  ): Promise<Connection<User>> {
    return this.users.list(principal, ability, args);
  }

  @Query(() => User)
  @CheckAbility('read', 'User')
  user(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<User> {
    return this.users.getReadable(principal, ability, id);
  }

  @Mutation(() => User)
  @CheckAbility('create', 'User')
  createUser(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateUserInput,
  ): Promise<User> {
    return this.users.createFor(principal, ability, input);
  }

  @Mutation(() => User)
  @CheckAbility('update', 'User')
  updateUser(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateUserInput,
  ): Promise<User> {
    return this.users.update(principal, ability, input);
  }

  @Mutation(() => User, { description: "Changes the caller's own profile" })
  @CheckAbility('update', 'User')
  updateMe(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateMeInput,
  ): Promise<User> {
    return this.users.updateMe(principal, ability, input);
  }

  @Mutation(() => Boolean)
  @CheckAbility('delete', 'User')
  deleteUser(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.users.delete(principal, ability, id);
  }

  @Subscription(() => User, {
    description: 'Users created in your tenant that you may see',
    resolve: (event: DomainEvent) => event.payload,
  })
  @CheckAbility('list', 'User')
  userCreated(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): AsyncIterableIterator<DomainEvent> {
    return this.events.iterate<DomainEvent<string, User>>(
      [USER_CREATED],
      (event) => event.tenantId === principal.tenantId && canOn(ability, 'read', 'User', event.payload),
    );
  }

  @ResolveField(() => NotificationPreferences)
  notificationPreferences(@Parent() user: User): NotificationPreferences {
    return preferencesOf(user.disabledNotifications ?? []);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may update this user' })
  canUpdate(@CurrentAbility() ability: AppAbility | undefined, @Parent() user: User): boolean {
    return canOn(ability, 'update', 'User', user);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may delete this user' })
  canDelete(@CurrentAbility() ability: AppAbility | undefined, @Parent() user: User): boolean {
    return canOn(ability, 'delete', 'User', user);
  }
}
