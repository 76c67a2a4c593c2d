import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../users/models/user.model';
import { UserService } from '../users/user.service';
import { CreateTagInput } from './dto/create-tag.input';
import { TagsArgs } from './dto/tags.args';
import { UpdateTagInput } from './dto/update-tag.input';
import { TagConnection } from './models/tag-connection.model';
import { Tag } from './models/tag.model';
import { TagService } from './tag.service';

@Resolver(() => Tag)
export class TagResolver {
  constructor(
    private readonly tags: TagService,
    private readonly users: UserService,
  ) {}

  @Query(() => TagConnection, {
    name: 'tags',
    description: 'Badges the caller may list (basic users: their own)',
  })
  @CheckAbility('list', 'Tag')
  listTags(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: TagsArgs,
  ): Promise<Connection<Tag>> {
    return this.tags.list(principal, ability, args);
  }

  @Query(() => Tag)
  @CheckAbility('read', 'Tag')
  tag(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Tag> {
    return this.tags.getReadable(principal, ability, id);
  }

  @Mutation(() => Tag)
  @CheckAbility('create', 'Tag')
  createTag(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateTagInput,
  ): Promise<Tag> {
    return this.tags.createFor(principal, ability, input);
  }

  @Mutation(() => Tag)
  @CheckAbility('update', 'Tag')
  updateTag(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateTagInput,
  ): Promise<Tag> {
    return this.tags.update(principal, ability, input);
  }

  @Mutation(() => Boolean)
  @CheckAbility('delete', 'Tag')
  deleteTag(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.tags.delete(principal, ability, id);
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'The owner, anonymized for callers who may not see them',
  })
  user(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility | undefined,
    @Parent() tag: Tag,
  ): Promise<User | null> {
    return tag.userId
      ? this.users.findForDisplay(principal.tenantId, ability, tag.userId)
      : Promise.resolve(null);
  }

  @ResolveField(() => Boolean)
  canUpdate(@CurrentAbility() ability: AppAbility | undefined, @Parent() tag: Tag): boolean {
    return canOn(ability, 'update', 'Tag', tag);
  }

  @ResolveField(() => Boolean)
  canDelete(@CurrentAbility() ability: AppAbility | undefined, @Parent() tag: Tag): boolean {
    return canOn(ability, 'delete', 'Tag', tag);
  }
}
