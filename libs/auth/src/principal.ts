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

/** Who is calling: resolved from a verified token on every request and subscription. */
export interface Principal extends Partial<SiteRoles> {
  userId: string;
  tenantId: TenantId;
  role: Role;
  email: string;
}

/** Port implemented by the users module: loads the principal a token names, or null when it is no longer valid. */
export abstract class PrincipalLookup {
  abstract findPrincipal(tenantId: TenantId, userId: string, tokenVersion: number): Promise<Principal | null>;
}

/** Port implemented by the organizations module: a user's site roles, read with the principal. */
export abstract class SiteRoleLookup {
  abstract siteRolesOf(tenantId: TenantId, userId: string): Promise<SiteRoles>;
}
