import { TenantId } from '@csms/common';
import { SiteAreaDirectory, StationPlacement } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { SiteAreaRepository } from '../site-areas/site-area.repository';

/** Answers the stations domain when a station is created in a site area. */
@Injectable()
export class SiteAreaDirectoryService extends SiteAreaDirectory {
  constructor(private readonly siteAreas: SiteAreaRepository) {
    super();
  }

  async placementOf(tenantId: TenantId, siteAreaId: string): Promise<StationPlacement | null> {
    const area = await this.siteAreas.findById(tenantId, siteAreaId);
    return area ? { siteAreaId: area.id, siteId: area.siteId } : null;
  }
}
