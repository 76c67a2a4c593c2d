import { AppAbility, Principal, canOn } from '@csms/auth';
import { NotFoundError } from '@csms/common';
import { ChargingStation, ChargingStationService, StationPlacementService } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { ensureCan } from '../shared/ensure-can';
import { SiteAreaService } from '../site-areas/site-area.service';

/** Moves stations between site areas, for those who may update both the station and the target area. */
@Injectable()
export class StationAssignmentService {
  constructor(
    private readonly stations: ChargingStationService,
    private readonly placements: StationPlacementService,
    private readonly siteAreas: SiteAreaService,
  ) {}

  /** `siteAreaId` null takes the station out of any site area (and site). */
  async assign(
    principal: Principal,
    ability: AppAbility,
    stationId: string,
    siteAreaId: string | null,
  ): Promise<ChargingStation> {
    const station = await this.stations.find(principal.tenantId, stationId);
    if (!station || !canOn(ability, 'read', 'ChargingStation', station)) {
      throw new NotFoundError('ChargingStation', stationId);
    }
    ensureCan(ability, 'update', 'ChargingStation', station);
    if (siteAreaId === null) return this.placements.place(principal.tenantId, stationId, null);
    const area = await this.siteAreas.getReadable(principal, ability, siteAreaId);
    // A site admin moves stations among the areas of its own sites only.
    ensureCan(ability, 'update', 'SiteArea', area);
    return this.placements.place(principal.tenantId, stationId, { siteAreaId: area.id, siteId: area.siteId });
  }
}
