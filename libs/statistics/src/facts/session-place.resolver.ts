import { ReadThroughCache, TenantId } from '@csms/common';
import { OrganizationDirectory } from '@csms/organizations';
import { StationPlacementService } from '@csms/stations';
import { TenantService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { SessionPlace } from './session-fact.builder';

const TENANT_ZONE_TTL_MS = 60_000;

/** Where a station stands now (site area, site, company) and the zone its sessions are counted in. */
@Injectable()
export class SessionPlaceResolver {
  private readonly tenantZones = new ReadThroughCache<string>(TENANT_ZONE_TTL_MS);

  constructor(
    private readonly stations: StationPlacementService,
    private readonly organizations: OrganizationDirectory,
    private readonly tenants: TenantService,
  ) {}

  async placeOf(tenantId: TenantId, chargingStationId: string): Promise<SessionPlace> {
    const [station] = await this.stations.findMany(tenantId, [chargingStationId]);
    const site = station?.siteId ? await this.organizations.site(tenantId, station.siteId) : null;
    const timeZone = site?.timeZone ?? (await this.tenantZone(tenantId));
    return {
      siteAreaId: station?.siteAreaId,
      siteId: site?.id,
      companyId: site?.companyId,
      timeZone,
    };
  }

  tenantZone(tenantId: TenantId): Promise<string> {
    return this.tenantZones.get(tenantId, async () => (await this.tenants.get(tenantId)).timeZone);
  }
}
