import { TenantId } from '@csms/common';
import { OrganizationDirectory } from '@csms/organizations';
import { StationPlacementService } from '@csms/stations';
import { TenantService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { SessionPlace } from './refund-entries';

/** The city and clock of the sites where sessions took place (the station's site as it stands now). */
@Injectable()
export class SessionPlaces {
  constructor(
    private readonly stations: StationPlacementService,
    private readonly organizations: OrganizationDirectory,
    private readonly tenants: TenantService,
  ) {}

  async ofStations(tenantId: TenantId, stationIds: readonly string[]): Promise<Map<string, SessionPlace>> {
    const stations = await this.stations.findMany(tenantId, [...new Set(stationIds)]);
    const tenantZone = await this.tenants.timeZoneOf(tenantId);
    const places = new Map<string, SessionPlace>();
    for (const stationId of new Set(stationIds)) {
      const siteId = stations.find((station) => station.id === stationId)?.siteId;
      const site = siteId ? await this.organizations.site(tenantId, siteId) : null;
      places.set(stationId, { city: site?.city, timeZone: site?.timeZone ?? tenantZone });
    }
    return places;
  }
}
