import { TenantId } from '@csms/common';
import { OrganizationDirectory } from '@csms/organizations';
import { StationPlacementService } from '@csms/stations';
import { TenantService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { SessionPlace } from './session-fact.builder';

/** Where a station stands now (site area, site, company) and the zone its sessions are counted in. */
@Injectable()
export class SessionPlaceResolver {
  constructor(
    private readonly stations: StationPlacementService,
    private readonly organizations: OrganizationDirectory,
    private readonly tenants: TenantService,
  ) {}

  async placeOf(tenantId: TenantId, chargingStationId: string): Promise<SessionPlace> {
    const [station] = await this.stations.findMany(tenantId, [chargingStationId]);
    const site = station?.siteId ? await this.organizations.site(tenantId, station.siteId) : null;
    const timeZone = site?.timeZone ?? (await this.tenants.timeZoneOf(tenantId));
    return {
      siteAreaId: station?.siteAreaId,
      siteId: site?.id,
      companyId: site?.companyId,
      timeZone,
    };
  }
}
