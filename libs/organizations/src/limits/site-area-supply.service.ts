import { TenantId } from '@csms/common';
import { SiteAreaSupply, SupplyOfArea } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { SiteAreaRepository } from '../site-areas/site-area.repository';

/** Answers the stations domain what a site area's supply is (voltage, phases), to convert amperes. */
@Injectable()
export class SiteAreaSupplyService extends SiteAreaSupply {
  constructor(private readonly siteAreas: SiteAreaRepository) {
    super();
  }

  async supplyOf(tenantId: TenantId, siteAreaId: string): Promise<SupplyOfArea | null> {
    const area = await this.siteAreas.findById(tenantId, siteAreaId);
    return area ? { voltage: area.voltage, numberOfPhases: area.numberOfPhases } : null;
  }
}
