import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '../users/models/user.model';
import { UserService } from '../users/user.service';
import { CreateTagInput } from './dto/create-tag.input';
import { Tag } from './models/tag.model';
import { TagService } from './tag.service';

@Resolver(() => Tag)
export class TagResolver {
  constructor(
    private readonly tags: TagService,
    private readonly users: UserService,
  ) {}

  @Mutation(() => Tag)
  @CheckAbility('create', 'Tag')
  createTag(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateTagInput): Promise<Tag> {
    return this.tags.create(principal.tenantId, input);
  }

  @ResolveField(() => User, { nullable: true })
  async user(@CurrentPrincipal() principal: Principal, @Parent() tag: Tag): Promise<User | null> {
    return tag.userId ? this.users.get(principal.tenantId, tag.userId) : null;
  }
}
