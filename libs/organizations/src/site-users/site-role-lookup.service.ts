import { SiteRoleLookup, SiteRoles } from '@csms/auth';
import { TenantId } from '@csms/common';
import { StationPlacementService } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { SiteRepository } from '../sites/site.repository';
import { SiteUserRole } from './models/site-user-role';
import { SiteUserRepository } from './site-user.repository';

const NO_SITE_ROLES: SiteRoles = {
  siteAdminSiteIds: [],
  siteOwnerSiteIds: [],
  siteAdminStationIds: [],
  siteOwnerStationIds: [],
};

/**
 * Read with a basic user's principal on every request (one indexed query; a second, for the
 * stations of its sites, only when it has site roles), so granted and withdrawn roles apply at once.
 */
@Injectable()
export class SiteRoleLookupService extends SiteRoleLookup {
  constructor(
    private readonly siteUsers: SiteUserRepository,
    private readonly sites: SiteRepository,
    private readonly stations: StationPlacementService,
  ) {
    super();
  }

  async siteRolesOf(tenantId: TenantId, userId: string): Promise<SiteRoles> {
    const roles = await this.siteUsers.rolesOf(tenantId, userId);
    if (roles.length === 0) return NO_SITE_ROLES;
    const sitesOf = (role: SiteUserRole) =>
      roles.filter((siteUser) => siteUser.role === role).map((siteUser) => siteUser.siteId);
    return this.siteRolesFor(tenantId, sitesOf(SiteUserRole.SITE_ADMIN), sitesOf(SiteUserRole.SITE_OWNER));
  }

  async siteRolesFor(
    tenantId: TenantId,
    siteAdminSiteIds: readonly string[],
    siteOwnerSiteIds: readonly string[],
  ): Promise<SiteRoles> {
    if (siteAdminSiteIds.length === 0 && siteOwnerSiteIds.length === 0) return NO_SITE_ROLES;
    const stations = await this.stations.inSites(tenantId, [...siteAdminSiteIds, ...siteOwnerSiteIds]);
    const stationsIn = (siteIds: readonly string[]) =>
      stations
        .filter((station) => station.siteId && siteIds.includes(station.siteId))
        .map((station) => station.id);
    return {
      siteAdminSiteIds: [...siteAdminSiteIds],
      siteOwnerSiteIds: [...siteOwnerSiteIds],
      siteAdminStationIds: stationsIn(siteAdminSiteIds),
      siteOwnerStationIds: stationsIn(siteOwnerSiteIds),
    };
  }

  async unknownSiteIds(tenantId: TenantId, siteIds: readonly string[]): Promise<string[]> {
    const found = new Set((await this.sites.findByIds(tenantId, siteIds)).map((site) => site.id));
    return siteIds.filter((id) => !found.has(id));
  }
}
