import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CheckAbility } from '../casl/check-ability.decorator';
import { CurrentPrincipal } from '../decorators/current-principal.decorator';
import { Principal } from '../principal';
import { ApiKeyService } from './api-key.service';
import { ApiKeysArgs } from './dto/api-keys.args';
import { CreateApiKeyInput } from './dto/create-api-key.input';
import { ApiKey } from './models/api-key.model';
import { ApiKeyStatus, statusOf } from './models/api-key-status';
import { CreateApiKeyPayload } from './models/create-api-key.payload';

const DAY_MS = 86_400_000;

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Query(() => [ApiKey], { description: "Your tenant's API keys, newest first (secrets are never shown)" })
  @CheckAbility('list', 'ApiKey')
  apiKeys(@CurrentPrincipal() principal: Principal, @Args() args: ApiKeysArgs): Promise<ApiKey[]> {
    const expiringBefore = args.expiringWithinDays
      ? new Date(Date.now() + args.expiringWithinDays * DAY_MS)
      : undefined;
    return this.keys.list(principal.tenantId, { status: args.status, expiringBefore });
  }

  @Mutation(() => CreateApiKeyPayload, {
    description: 'Creates an API key for an integration; its secret is in this answer only',
  })
  @CheckAbility('create', 'ApiKey')
  createApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateApiKeyInput,
  ): Promise<CreateApiKeyPayload> {
    return this.keys.create(principal, input);
  }

  @Mutation(() => ApiKey, {
    description: 'Revokes the key at once on every instance; its open subscriptions are closed',
  })
  @CheckAbility('update', 'ApiKey')
  revokeApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ApiKey> {
    return this.keys.revoke(principal, id);
  }

  @ResolveField(() => ApiKeyStatus)
  status(@Parent() key: ApiKey): ApiKeyStatus {
    return statusOf(key);
  }

  @ResolveField(() => Boolean, {
    description: 'Active and expiring within API_KEY_EXPIRY_REMINDER_DAYS (admins get an email then)',
  })
  expiresSoon(@Parent() key: ApiKey): boolean {
    return this.keys.expiresSoon(key);
  }

  @ResolveField(() => Int, { description: 'Requests per minute it may make' })
  rateLimitPerMinute(@Parent() key: ApiKey): number {
    return this.keys.rateLimitOf(key);
  }
}
