import { APP_CONFIG, AppConfig, BadInputError, ForbiddenError, NotFoundError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Principal, SiteRoleLookup, principalLabel } from '../principal';
import { Role, isRoleWithin } from '../role';
import { API_KEY_REVOKED } from './api-key.events';
import { ApiKeyFilter, ApiKeyRepository } from './api-key.repository';
import { newApiKeySecret } from './api-key-secret';
import { CreateApiKeyInput, DEFAULT_API_KEY_DAYS } from './dto/create-api-key.input';
import { ApiKey } from './models/api-key.model';
import { ApiKeyStatus, statusOf } from './models/api-key-status';
import { CreateApiKeyPayload } from './models/create-api-key.payload';

const DAY_MS = 86_400_000;

/** Creating, listing and revoking the API keys of a tenant's technical users. */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly siteRoles?: SiteRoleLookup,
  ) {}

  /** The key and its secret, which exists only in this answer. */
  async create(principal: Principal, input: CreateApiKeyInput): Promise<CreateApiKeyPayload> {
    if (!isRoleWithin(input.role, principal.role)) {
      throw new ForbiddenError(`An API key's role cannot be higher than yours (${principal.role})`);
    }
    const siteAdminSiteIds = [...new Set(input.siteAdminSiteIds ?? [])];
    const siteOwnerSiteIds = [...new Set(input.siteOwnerSiteIds ?? [])];
    await this.assertSiteScopes(principal.tenantId, input.role, [...siteAdminSiteIds, ...siteOwnerSiteIds]);
    const name = input.name.trim();
    if (!name) throw new BadInputError('name must not be blank', { field: 'name' });
    const { secret, hash, prefix } = newApiKeySecret(principal.tenantId);
    const days = input.expiresInDays ?? DEFAULT_API_KEY_DAYS;
    const apiKey = await this.keys.create(principal.tenantId, {
      name,
      secretHash: hash,
      prefix,
      role: input.role,
      siteAdminSiteIds,
      siteOwnerSiteIds,
      rateLimitPerMinute: input.rateLimitPerMinute,
      expiresAt: new Date(Date.now() + days * DAY_MS),
      createdById: principal.userId,
      createdByLabel: principalLabel(principal),
    });
    return { apiKey, secret };
  }

  list(tenantId: TenantId, filter: ApiKeyFilter = {}): Promise<ApiKey[]> {
    return this.keys.list(tenantId, filter, new Date());
  }

  /** Revokes at once on every instance: its next request is refused, its open subscriptions close. */
  async revoke(principal: Principal, id: string): Promise<ApiKey> {
    const key = await this.keys.findById(principal.tenantId, id);
    if (!key) throw new NotFoundError('ApiKey', id);
    if (!isRoleWithin(key.role, principal.role)) {
      throw new ForbiddenError(`You may not revoke an API key whose role is above yours`);
    }
    const revoked = await this.keys.revoke(principal.tenantId, id, new Date(), principal.userId);
    if (!revoked) return key; // Revoked already: it stays as it was.
    await this.events.publish(domainEvent(API_KEY_REVOKED, principal.tenantId, { apiKeyId: id }));
    return revoked;
  }

  /** Whether admins should be reminded of it (it shows `expiresSoon`). */
  expiresSoon(key: ApiKey, now = new Date()): boolean {
    if (statusOf(key, now) !== ApiKeyStatus.ACTIVE || !key.expiresAt) return false;
    return key.expiresAt.getTime() - now.getTime() <= this.config.API_KEY_EXPIRY_REMINDER_DAYS * DAY_MS;
  }

  rateLimitOf(key: Pick<ApiKey, 'ownRateLimitPerMinute'>): number {
    return key.ownRateLimitPerMinute ?? this.config.API_KEY_RATE_LIMIT_PER_MINUTE;
  }

  /** Active keys expiring within API_KEY_EXPIRY_REMINDER_DAYS whose admins have not been told yet. */
  dueForReminder(tenantId: TenantId, now: Date): Promise<ApiKey[]> {
    const before = new Date(now.getTime() + this.config.API_KEY_EXPIRY_REMINDER_DAYS * DAY_MS);
    return this.keys.dueForReminder(tenantId, now, before);
  }

  markReminded(tenantId: TenantId, id: string, at: Date): Promise<void> {
    return this.keys.markReminded(tenantId, id, at);
  }

  /** Site scopes are what a site admin or owner has: for BASIC keys, on sites of the tenant. */
  private async assertSiteScopes(tenantId: TenantId, role: Role, siteIds: string[]): Promise<void> {
    if (siteIds.length === 0) return;
    if (role !== Role.BASIC) {
      throw new BadInputError('Site scopes are for keys with role BASIC', { field: 'role' });
    }
    const unknown = (await this.siteRoles?.unknownSiteIds(tenantId, siteIds)) ?? siteIds;
    if (unknown.length) {
      throw new BadInputError(`Unknown sites: ${unknown.join(', ')}`, { field: 'siteAdminSiteIds' });
    }
  }
}
