import { ReadThroughCache, TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { CompanyRepository } from '../companies/company.repository';
import { SiteAreaRepository } from '../site-areas/site-area.repository';
import { SiteRepository } from '../sites/site.repository';

/** What other modules need to know of a site: its company, time zone and city. */
export interface SiteSummary {
  id: string;
  name: string;
  companyId: string;
  timeZone?: string;
  city?: string;
}

export interface NamedEntity {
  id: string;
  name: string;
}

/** Sites, areas and companies change rarely; statistics and refunds read them at every session end. */
const CACHE_TTL_MS = 30_000;

/**
 * The organizations module's read port for other modules (statistics, refunds, exports): summaries
 * by id, without ability checks: callers decide what they show.
 */
@Injectable()
export class OrganizationDirectory {
  private readonly siteCache = new ReadThroughCache<SiteSummary | null>(CACHE_TTL_MS, (site) => !!site);

  constructor(
    private readonly sites: SiteRepository,
    private readonly siteAreas: SiteAreaRepository,
    private readonly companies: CompanyRepository,
  ) {}

  site(tenantId: TenantId, siteId: string): Promise<SiteSummary | null> {
    return this.siteCache.get(`${tenantId}\u0000${siteId}`, async () => {
      const site = await this.sites.findById(tenantId, siteId);
      return site
        ? {
            id: site.id,
            name: site.name,
            companyId: site.companyId,
            timeZone: site.timeZone,
            city: site.address?.city,
          }
        : null;
    });
  }

  async siteNames(tenantId: TenantId, ids: readonly string[]): Promise<NamedEntity[]> {
    return named(await this.sites.findByIds(tenantId, ids));
  }

  async siteAreaNames(tenantId: TenantId, ids: readonly string[]): Promise<NamedEntity[]> {
    return named(await this.siteAreas.findByIds(tenantId, ids));
  }

  async companyNames(tenantId: TenantId, ids: readonly string[]): Promise<NamedEntity[]> {
    return named(await this.companies.findByIds(tenantId, ids));
  }
}

function named(entities: NamedEntity[]): NamedEntity[] {
  return entities.map(({ id, name }) => ({ id, name }));
}
