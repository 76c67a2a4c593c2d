import { AppAbility, Principal } from '@csms/auth';
import { ChargingRateUnit, StationLimitService, StationPlacementService } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { ensureCan } from '../shared/ensure-can';
import { SiteAreaRepository } from '../site-areas/site-area.repository';
import { SiteAreaService } from '../site-areas/site-area.service';
import { areaWithSubAreas, evenShareWatts } from './limit-split';
import { SiteAreaLimitResult } from './models/site-area-limit-result.model';

/**
 * Static energy management of a site area: its limit is split evenly over every station standing
 * in it or in an area nested under it (the fuse feeds them all), each share applied as that
 * station's own limit (connector 0, in W). A station that refuses keeps what it had; its share is
 * not handed to the others, so the area stays within its limit whatever the answers.
 */
@Injectable()
export class SiteAreaLimitService {
  constructor(
    private readonly siteAreas: SiteAreaService,
    private readonly areaTree: SiteAreaRepository,
    private readonly placements: StationPlacementService,
    private readonly stationLimits: StationLimitService,
  ) {}

  async apply(
    principal: Principal,
    ability: AppAbility,
    siteAreaId: string,
    limitWatts: number,
  ): Promise<SiteAreaLimitResult> {
    const { tenantId } = principal;
    const area = await this.siteAreas.getReadable(principal, ability, siteAreaId);
    ensureCan(ability, 'update', 'SiteArea', area);
    const areaIds = areaWithSubAreas(area.id, await this.areaTree.parentsInSite(tenantId, area.siteId));
    const stationIds = (await this.placements.inSites(tenantId, [area.siteId]))
      .filter((station) => station.siteAreaId !== undefined && areaIds.has(station.siteAreaId))
      .map((station) => station.id)
      .sort();
    const shareWatts = evenShareWatts(limitWatts, stationIds.length);
    const stations =
      shareWatts === undefined
        ? []
        : await Promise.all(
            stationIds.map((stationId) =>
              this.stationLimits.set(tenantId, stationId, 0, shareWatts, ChargingRateUnit.W),
            ),
          );
    return { siteAreaId: area.id, limitWatts, shareWatts, stations };
  }
}
