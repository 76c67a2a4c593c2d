import { TenantId } from '@csms/common';
import { OrganizationLevel, TariffLocation, TariffLocationDirectory } from '@csms/pricing';
import { Injectable } from '@nestjs/common';
import { CompanyRepository } from '../companies/company.repository';
import { SiteAreaRepository } from '../site-areas/site-area.repository';
import { SiteRepository } from '../sites/site.repository';

/** Deep enough for any real fuse tree; stops a looping parent chain in stored data. */
const MAX_AREA_DEPTH = 32;

/** Answers the pricing domain where a site area stands: its ancestors, site, company and clock. */
@Injectable()
export class TariffLocationService extends TariffLocationDirectory {
  constructor(
    private readonly companies: CompanyRepository,
    private readonly sites: SiteRepository,
    private readonly siteAreas: SiteAreaRepository,
  ) {
    super();
  }

  async locationOf(tenantId: TenantId, siteAreaId: string): Promise<TariffLocation | null> {
    const area = await this.siteAreas.findById(tenantId, siteAreaId);
    if (!area) return null;
    const siteAreaIds = [area.id];
    let parentId = area.parentSiteAreaId;
    while (parentId && !siteAreaIds.includes(parentId) && siteAreaIds.length < MAX_AREA_DEPTH) {
      siteAreaIds.push(parentId);
      parentId = (await this.siteAreas.findById(tenantId, parentId))?.parentSiteAreaId;
    }
    const site = await this.sites.findById(tenantId, area.siteId);
    return { siteId: area.siteId, siteAreaIds, companyId: site?.companyId, timeZone: site?.timeZone };
  }

  async exists(tenantId: TenantId, level: OrganizationLevel, id: string): Promise<boolean> {
    const repository = level === 'COMPANY' ? this.companies : level === 'SITE' ? this.sites : this.siteAreas;
    return (await repository.findById(tenantId, id)) !== null;
  }
}
