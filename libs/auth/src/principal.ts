import { TenantId } from '@csms/common';
import { Role } from './role';

/**
 * A basic user's roles on sites (libs/organizations `site_users`): site admins manage the stations,
 * sessions and site areas of their sites; site owners read them. Sessions carry no site, so they are
 * scoped by the stations standing in those sites.
 */
export interface SiteRoles {
  siteAdminSiteIds: string[];
  siteOwnerSiteIds: string[];
  siteAdminStationIds: string[];
  siteOwnerStationIds: string[];
}

/** The API key a technical user called with. */
export interface ApiKeyIdentity {
  id: string;
  name: string;
  /** The start of its secret (`vg_live_<tenant>_…`), never the secret. */
  prefix: string;
}

/** Who is calling: resolved from a verified token or API key on every request and subscription. */
export interface Principal extends Partial<SiteRoles> {
  /** A person's user id, or for a technical user its API key's id. */
  userId: string;
  tenantId: TenantId;
  role: Role;
  /** A person's email; absent for an API key. */
  email?: string;
  /** Set when the caller authenticated with an API key. */
  apiKey?: ApiKeyIdentity;
}

/**
 * An API key refused although it exists (revoked, expired, tenant deactivated), left on the request
 * by the guard: whoever records the refusal (the audit log) knows whose key it was.
 */
export interface RefusedApiKey {
  tenantId: TenantId;
  role: Role;
  apiKey: ApiKeyIdentity;
  refusal: string;
}

/** How records (audit log, a key's creator) name the caller. */
export function principalLabel(principal: Pick<Principal, 'apiKey' | 'email' | 'userId'>): string {
  if (principal.apiKey) return `API key "${principal.apiKey.name}" (${principal.apiKey.prefix}…)`;
  return principal.email ?? principal.userId;
}

/** Port implemented by the users module: loads the principal a token names, or null when it is no longer valid. */
export abstract class PrincipalLookup {
  abstract findPrincipal(tenantId: TenantId, userId: string, tokenVersion: number): Promise<Principal | null>;
  /** Whether the tenant exists and is active (a deactivated tenant's API keys are refused too). */
  abstract isTenantActive(tenantId: TenantId): Promise<boolean>;
}

/** Port implemented by the organizations module: site roles, read with the principal. */
export abstract class SiteRoleLookup {
  abstract siteRolesOf(tenantId: TenantId, userId: string): Promise<SiteRoles>;
  /** The site roles of an API key given these sites (with the stations standing in them now). */
  abstract siteRolesFor(
    tenantId: TenantId,
    siteAdminSiteIds: readonly string[],
    siteOwnerSiteIds: readonly string[],
  ): Promise<SiteRoles>;
  /** Those of `siteIds` that are no site of the tenant. */
  abstract unknownSiteIds(tenantId: TenantId, siteIds: readonly string[]): Promise<string[]>;
}
