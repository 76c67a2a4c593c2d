import { Injectable, Optional } from '@nestjs/common';
import { Principal, PrincipalLookup, SiteRoleLookup } from '../principal';
import { Role } from '../role';
import { ApiKeyRepository } from './api-key.repository';
import { hashApiKeySecret, parseApiKeySecret } from './api-key-secret';
import { ApiKeyUsageRecorder } from './api-key-usage.recorder';
import { ApiKey } from './models/api-key.model';
import { ApiKeyStatus, statusOf } from './models/api-key-status';

/** Accepted, with its principal; or refused, with the key when it exists (revoked, expired). */
export type ApiKeyAuthentication =
  { principal: Principal; key: ApiKey; refusal?: undefined } | { refusal: string; key?: ApiKey };

/**
 * Turns a bearer secret into the principal of its technical user. Read from the database on every
 * request (one indexed lookup, as a JWT's user is), so a revocation or an expiry applies to the
 * very next request on every instance; site roles are read fresh as a site admin's are.
 */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly principals: PrincipalLookup,
    private readonly usage: ApiKeyUsageRecorder,
    @Optional() private readonly siteRoles?: SiteRoleLookup,
  ) {}

  /** Refused when malformed, unknown, revoked, expired, or its tenant is deactivated. */
  async authenticate(secret: string, ip: string | undefined): Promise<ApiKeyAuthentication> {
    const parsed = parseApiKeySecret(secret);
    if (!parsed) return { refusal: 'malformed' };
    const now = new Date();
    const key = await this.keys.findBySecretHash(parsed.tenantId, hashApiKeySecret(secret));
    if (!key) return { refusal: 'unknown' };
    const status = statusOf(key, now);
    if (status !== ApiKeyStatus.ACTIVE) return { refusal: status.toLowerCase(), key };
    if (!(await this.principals.isTenantActive(parsed.tenantId))) return { refusal: 'tenant inactive', key };
    this.usage.record({ tenantId: parsed.tenantId, id: key.id, at: now, ip });
    const principal: Principal = {
      userId: key.id,
      tenantId: parsed.tenantId,
      role: key.role,
      apiKey: { id: key.id, name: key.name, prefix: key.prefix },
    };
    const scoped = key.siteAdminSiteIds.length > 0 || key.siteOwnerSiteIds.length > 0;
    if (key.role !== Role.BASIC || !scoped || !this.siteRoles) return { principal, key };
    const siteRoles = await this.siteRoles.siteRolesFor(
      parsed.tenantId,
      key.siteAdminSiteIds,
      key.siteOwnerSiteIds,
    );
    return { principal: { ...principal, ...siteRoles }, key };
  }
}
