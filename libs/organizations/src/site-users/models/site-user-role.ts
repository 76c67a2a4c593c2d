import { registerEnumType } from '@nestjs/graphql';

/** What a basic user may do on a site (see the ability factory's grantSiteRoles). */
export enum SiteUserRole {
  /** Reads, updates and commands the site's stations, stops its sessions, manages its site areas. */
  SITE_ADMIN = 'SITE_ADMIN',
  /** Reads the site's stations and sessions. */
  SITE_OWNER = 'SITE_OWNER',
}

registerEnumType(SiteUserRole, { name: 'SiteUserRole' });
