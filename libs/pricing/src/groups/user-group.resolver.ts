import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserGroup } from '../model/tariff-assignment';
import { CreateUserGroupInput, UpdateUserGroupInput } from './dto/user-group.input';
import { UserGroupModel } from './models/user-group.model';
import { UserGroupService } from './user-group.service';

@Resolver(() => UserGroupModel)
export class UserGroupResolver {
  constructor(private readonly groups: UserGroupService) {}

  @Query(() => [UserGroupModel])
  @CheckAbility('list', 'UserGroup')
  userGroups(@CurrentPrincipal() principal: Principal): Promise<UserGroup[]> {
    return this.groups.list(principal.tenantId);
  }

  @Mutation(() => UserGroupModel)
  @CheckAbility('create', 'UserGroup')
  createUserGroup(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateUserGroupInput,
  ): Promise<UserGroup> {
    return this.groups.create(principal.tenantId, input);
  }

  @Mutation(() => UserGroupModel)
  @CheckAbility('update', 'UserGroup')
  updateUserGroup(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: UpdateUserGroupInput,
  ): Promise<UserGroup> {
    return this.groups.update(principal.tenantId, input);
  }

  @Mutation(() => Boolean)
  @CheckAbility('delete', 'UserGroup')
  deleteUserGroup(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.groups.delete(principal.tenantId, id);
  }
}
