import { AppAbility, Principal, accessibleQuery } from '@csms/auth';
import { BadInputError, Connection, NotFoundError, TenantId, definedOnly } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { StationPlacementService } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { UpdateQuery } from 'mongoose';
import { CompanyRepository } from '../companies/company.repository';
import { SiteAreaRepository } from '../site-areas/site-area.repository';
import { SiteUserRepository } from '../site-users/site-user.repository';
import { ensureCan } from '../shared/ensure-can';
import { CreateSiteInput } from './dto/create-site.input';
import { SitesArgs } from './dto/sites.args';
import { UpdateSiteInput } from './dto/update-site.input';
import { Site } from './models/site.model';
import { checkOpeningHours } from './opening-hours';
import { SiteDocument } from './schemas/site.schema';
import { SITE_CHANGED } from './site-events';
import { SITE_FIELD_NAMES, SiteRepository } from './site.repository';

@Injectable()
export class SiteService {
  constructor(
    private readonly sites: SiteRepository,
    private readonly companies: CompanyRepository,
    private readonly siteAreas: SiteAreaRepository,
    private readonly siteUsers: SiteUserRepository,
    private readonly stations: StationPlacementService,
    private readonly events: EventBus,
  ) {}

  list(principal: Principal, ability: AppAbility, args: SitesArgs): Promise<Connection<Site>> {
    const accessible = accessibleQuery(ability, 'list', 'Site', SITE_FIELD_NAMES);
    return this.sites.page(principal.tenantId, accessible, args);
  }

  /** A site the caller may read (public ones, or its own for basic users); others do not exist for it. */
  async getReadable(principal: Principal, ability: AppAbility, id: string): Promise<Site> {
    const accessible = accessibleQuery(ability, 'read', 'Site', SITE_FIELD_NAMES);
    const site = await this.sites.findAccessible(principal.tenantId, id, accessible);
    if (!site) throw new NotFoundError('Site', id);
    return site;
  }

  /** Any site of the tenant, without an ability check (for other services of this module). */
  async get(tenantId: TenantId, id: string): Promise<Site> {
    const site = await this.sites.findById(tenantId, id);
    if (!site) throw new NotFoundError('Site', id);
    return site;
  }

  async create(principal: Principal, ability: AppAbility, input: CreateSiteInput): Promise<Site> {
    const site = { ...input, openingHours: input.openingHours ?? [], public: input.public ?? false };
    ensureCan(ability, 'create', 'Site', site);
    await this.ensureCompany(principal.tenantId, input.companyId);
    checkOpeningHours(site.openingHours);
    const created = await this.sites.create(principal.tenantId, site);
    await this.events.publish(domainEvent(SITE_CHANGED, principal.tenantId, { site: created }));
    return created;
  }

  async update(principal: Principal, ability: AppAbility, input: UpdateSiteInput): Promise<Site> {
    const { id, coordinates, ...fields } = input;
    const existing = await this.getReadable(principal, ability, id);
    ensureCan(ability, 'update', 'Site', existing);
    if (fields.companyId) await this.ensureCompany(principal.tenantId, fields.companyId);
    if (fields.openingHours) checkOpeningHours(fields.openingHours);
    const update: UpdateQuery<SiteDocument> = {
      $set: definedOnly({ ...fields, coordinates: coordinates ?? undefined }),
    };
    if (coordinates === null) update.$unset = { coordinates: 1 };
    const updated = await this.sites.update(principal.tenantId, id, update);
    if (!updated) throw new NotFoundError('Site', id);
    await this.events.publish(domainEvent(SITE_CHANGED, principal.tenantId, { site: updated }));
    return updated;
  }

  /** Refused while site areas or stations remain; the site's admins and owners go with it. */
  async delete(principal: Principal, ability: AppAbility, id: string): Promise<boolean> {
    const { tenantId } = principal;
    ensureCan(ability, 'delete', 'Site', await this.getReadable(principal, ability, id));
    const [areas, stations] = await Promise.all([
      this.siteAreas.count(tenantId, { siteId: id }),
      this.stations.countInSite(tenantId, id),
    ]);
    if (areas > 0 || stations > 0) {
      throw new BadInputError(
        `Site ${id} still has ${areas} site area(s) and ${stations} charging station(s): remove them first`,
        { field: 'id' },
      );
    }
    const site = await this.sites.findById(tenantId, id);
    const deleted = await this.sites.remove(tenantId, id);
    await this.siteUsers.removeSite(tenantId, id);
    if (site && deleted)
      await this.events.publish(domainEvent(SITE_CHANGED, tenantId, { site, deleted: true }));
    return deleted;
  }

  private async ensureCompany(tenantId: TenantId, companyId: string): Promise<void> {
    if (!(await this.companies.findById(tenantId, companyId))) {
      throw new BadInputError(`Company ${companyId} not found`, { field: 'companyId' });
    }
  }
}
