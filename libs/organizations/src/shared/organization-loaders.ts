import { AppAbility, SubjectType, canOn } from '@csms/auth';
import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { CompanyRepository } from '../companies/company.repository';
import { Company } from '../companies/models/company.model';
import { SiteArea } from '../site-areas/models/site-area.model';
import { SiteAreaRepository } from '../site-areas/site-area.repository';
import { Site } from '../sites/models/site.model';
import { SiteRepository } from '../sites/site.repository';

export interface OrganizationLoaders {
  companies: DataLoader<string, Company | null>;
  sites: DataLoader<string, Site | null>;
  siteAreas: DataLoader<string, SiteArea | null>;
}

interface ByIds<T> {
  findByIds(tenantId: TenantId, ids: readonly string[]): Promise<T[]>;
}

/**
 * DataLoaders for the organization fields of a list (a page of stations shows each one's site and
 * site area), created once per GraphQL request (keyed on the request object, which lives exactly as
 * long): one query per field and page. What the caller may not read resolves to null.
 */
@Injectable()
export class OrganizationLoaderFactory {
  private readonly perRequest = new WeakMap<object, OrganizationLoaders>();

  constructor(
    private readonly companies: CompanyRepository,
    private readonly sites: SiteRepository,
    private readonly siteAreas: SiteAreaRepository,
  ) {}

  forRequest(request: object, tenantId: TenantId, ability: AppAbility | undefined): OrganizationLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
        companies: this.loader(this.companies, tenantId, ability, 'Company'),
        sites: this.loader(this.sites, tenantId, ability, 'Site'),
        siteAreas: this.loader(this.siteAreas, tenantId, ability, 'SiteArea'),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }

  private loader<T extends { id: string }>(
    repository: ByIds<T>,
    tenantId: TenantId,
    ability: AppAbility | undefined,
    type: SubjectType,
  ): DataLoader<string, T | null> {
    return new DataLoader(async (ids) => {
      const found = new Map((await repository.findByIds(tenantId, ids)).map((entity) => [entity.id, entity]));
      return ids.map((id) => {
        const entity = found.get(id);
        return entity && canOn(ability, 'read', type, entity) ? entity : null;
      });
    });
  }
}
