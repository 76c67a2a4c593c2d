import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { DomainEvent, EventBus } from '@csms/events';
import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CreateUserInput } from './dto/create-user.input';
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

  @Mutation(() => User)
  @CheckAbility('create', 'User')
  createUser(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateUserInput): Promise<User> {
    return this.users.create(principal.tenantId, input);
  }

  @Subscription(() => User, { description: 'Users created in your tenant', resolve: (event: DomainEvent) => event.payload })
  @CheckAbility('list', 'User')
  userCreated(@CurrentPrincipal() principal: Principal): AsyncIterableIterator<DomainEvent> {
    return this.events.iterate([USER_CREATED], (event) => event.tenantId === principal.tenantId);
  }
}
