import { AppAbility, Principal, accessibleQuery } from '@csms/auth';
import { BadInputError, Connection, NotFoundError, TenantId, definedOnly } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { StationPlacementService } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { UpdateQuery } from 'mongoose';
import { RegistrationTokenRepository } from '../registration-tokens/registration-token.repository';
import { ensureCan } from '../shared/ensure-can';
import { SiteRepository } from '../sites/site.repository';
import { CreateSiteAreaInput } from './dto/create-site-area.input';
import { SiteAreasArgs } from './dto/site-areas.args';
import { UpdateSiteAreaInput } from './dto/update-site-area.input';
import { SiteArea } from './models/site-area.model';
import { SiteAreaDocument } from './schemas/site-area.schema';
import { SITE_AREA_FIELD_NAMES, SiteAreaRepository } from './site-area.repository';
import { SITE_AREA_CHANGED } from './site-area.events';
import { createsCycle } from './site-area-tree';

@Injectable()
export class SiteAreaService {
  constructor(
    private readonly siteAreas: SiteAreaRepository,
    private readonly sites: SiteRepository,
    private readonly stations: StationPlacementService,
    private readonly registrationTokens: RegistrationTokenRepository,
    private readonly events: EventBus,
  ) {}

  list(principal: Principal, ability: AppAbility, args: SiteAreasArgs): Promise<Connection<SiteArea>> {
    const accessible = accessibleQuery(ability, 'list', 'SiteArea', SITE_AREA_FIELD_NAMES);
    return this.siteAreas.page(principal.tenantId, accessible, args);
  }

  async getReadable(principal: Principal, ability: AppAbility, id: string): Promise<SiteArea> {
    const accessible = accessibleQuery(ability, 'read', 'SiteArea', SITE_AREA_FIELD_NAMES);
    const area = await this.siteAreas.findAccessible(principal.tenantId, id, accessible);
    if (!area) throw new NotFoundError('SiteArea', id);
    return area;
  }

  /** Any site area of the tenant, without an ability check (placement of stations, tokens). */
  async find(tenantId: TenantId, id: string): Promise<SiteArea | null> {
    return this.siteAreas.findById(tenantId, id);
  }

  /** Every area of a site, without an ability check (the fuse tree smart charging plans over). */
  inSite(tenantId: TenantId, siteId: string): Promise<SiteArea[]> {
    return this.siteAreas.inSite(tenantId, siteId);
  }

  /** The tenant's areas under smart charging (the periodic run). */
  withSmartCharging(tenantId: TenantId): Promise<SiteArea[]> {
    return this.siteAreas.withSmartCharging(tenantId);
  }

  async create(principal: Principal, ability: AppAbility, input: CreateSiteAreaInput): Promise<SiteArea> {
    const area = {
      ...input,
      accessControl: input.accessControl ?? true,
      smartCharging: input.smartCharging ?? false,
    };
    ensureCan(ability, 'create', 'SiteArea', area);
    if (!(await this.sites.findById(principal.tenantId, input.siteId))) {
      throw new BadInputError(`Site ${input.siteId} not found`, { field: 'siteId' });
    }
    if (input.parentSiteAreaId)
      await this.ensureParentInSite(principal.tenantId, input.parentSiteAreaId, input.siteId);
    const created = await this.siteAreas.create(principal.tenantId, area);
    await this.announce(principal.tenantId, created);
    return created;
  }

  async update(principal: Principal, ability: AppAbility, input: UpdateSiteAreaInput): Promise<SiteArea> {
    const { tenantId } = principal;
    const { id, parentSiteAreaId, ...fields } = input;
    const existing = await this.getReadable(principal, ability, id);
    ensureCan(ability, 'update', 'SiteArea', existing);
    const update: UpdateQuery<SiteAreaDocument> = { $set: definedOnly({ ...fields }) };
    if (parentSiteAreaId === null) update.$unset = { parentSiteAreaId: 1 };
    if (parentSiteAreaId) {
      await this.ensureParentInSite(tenantId, parentSiteAreaId, existing.siteId);
      if (createsCycle(id, parentSiteAreaId, await this.siteAreas.parentsInSite(tenantId, existing.siteId))) {
        throw new BadInputError(`Site area ${parentSiteAreaId} is ${id} itself or one of its sub-areas`, {
          field: 'parentSiteAreaId',
        });
      }
      update.$set = { ...update.$set, parentSiteAreaId };
    }
    const updated = await this.siteAreas.update(tenantId, id, update);
    if (!updated) throw new NotFoundError('SiteArea', id);
    await this.announce(tenantId, updated);
    return updated;
  }

  /** Refused while sub-areas, stations or usable registration tokens still point at the area. */
  async delete(principal: Principal, ability: AppAbility, id: string): Promise<boolean> {
    const { tenantId } = principal;
    const existing = await this.getReadable(principal, ability, id);
    ensureCan(ability, 'delete', 'SiteArea', existing);
    const [children, stations, tokens] = await Promise.all([
      this.siteAreas.count(tenantId, { parentSiteAreaId: id }),
      this.stations.countInSiteArea(tenantId, id),
      this.registrationTokens.countUsable(tenantId, { siteAreaId: id }),
    ]);
    if (children + stations + tokens > 0) {
      throw new BadInputError(
        `Site area ${id} still has ${children} sub-area(s), ${stations} charging station(s) and ` +
          `${tokens} usable registration token(s): remove or revoke them first`,
        { field: 'id' },
      );
    }
    const removed = await this.siteAreas.remove(tenantId, id);
    if (removed) await this.announce(tenantId, existing, true);
    return removed;
  }

  private announce(tenantId: TenantId, siteArea: SiteArea, deleted = false): Promise<void> {
    return this.events.publish(
      domainEvent(SITE_AREA_CHANGED, tenantId, deleted ? { siteArea, deleted } : { siteArea }),
    );
  }

  private async ensureParentInSite(tenantId: TenantId, parentId: string, siteId: string): Promise<void> {
    const parent = await this.siteAreas.findById(tenantId, parentId);
    if (!parent || parent.siteId !== siteId) {
      throw new BadInputError(`Site area ${parentId} not found in site ${siteId}`, {
        field: 'parentSiteAreaId',
      });
    }
  }
}
