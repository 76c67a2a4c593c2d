import { Connection, TenantId, textContains } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { SiteAreasArgs } from './dto/site-areas.args';
import { SiteArea } from './models/site-area.model';
import { SiteAreaDocument } from './schemas/site-area.schema';

/** Domain field names that differ in storage, for accessibleQuery. */
export const SITE_AREA_FIELD_NAMES = { id: '_id' };

@Injectable()
export class SiteAreaRepository extends TenantRepository<SiteAreaDocument, SiteArea> {
  constructor(@InjectModel(SiteAreaDocument.name) model: Model<SiteAreaDocument>) {
    super(model);
  }

  create(tenantId: TenantId, fields: Omit<SiteArea, 'id' | 'createdAt'>): Promise<SiteArea> {
    return this.insert(tenantId, fields);
  }

  findAccessible(
    tenantId: TenantId,
    id: string,
    accessible: FilterQuery<SiteAreaDocument>,
  ): Promise<SiteArea | null> {
    return this.findOne(tenantId, { $and: [{ _id: id }, accessible] });
  }

  page(
    tenantId: TenantId,
    accessible: FilterQuery<SiteAreaDocument>,
    args: SiteAreasArgs,
  ): Promise<Connection<SiteArea>> {
    const filters: FilterQuery<SiteAreaDocument>[] = [accessible];
    if (args.siteId) filters.push({ siteId: args.siteId });
    if (args.name) filters.push({ name: textContains(args.name) });
    return this.findPage(tenantId, { $and: filters }, args, { field: 'name', direction: 1 });
  }

  /** Each area of the site with its parent: the tree, for cycle checks (a site has tens of areas). */
  async parentsInSite(tenantId: TenantId, siteId: string): Promise<Map<string, string | undefined>> {
    const docs = await this.model
      .find(this.scope(tenantId, { siteId }), { parentSiteAreaId: 1 })
      .lean<{ _id: string; parentSiteAreaId?: string }[]>()
      .exec();
    return new Map(docs.map((doc) => [doc._id, doc.parentSiteAreaId]));
  }

  /** Every area of the site: a site has tens of areas, the whole tree is read at once. */
  inSite(tenantId: TenantId, siteId: string): Promise<SiteArea[]> {
    return this.findMany(tenantId, { siteId });
  }

  /** The areas of the tenant under smart charging (the periodic run). */
  withSmartCharging(tenantId: TenantId): Promise<SiteArea[]> {
    return this.findMany(tenantId, { smartCharging: true });
  }

  update(tenantId: TenantId, id: string, update: UpdateQuery<SiteAreaDocument>): Promise<SiteArea | null> {
    return this.updateOne(tenantId, { _id: id }, update);
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  protected toEntity(doc: Lean<SiteAreaDocument>): SiteArea {
    return {
      id: doc._id,
      siteId: doc.siteId,
      name: doc.name,
      maximumPowerWatts: doc.maximumPowerWatts,
      numberOfPhases: doc.numberOfPhases,
      voltage: doc.voltage,
      maximumCurrentAmps: doc.maximumCurrentAmps,
      smartCharging: doc.smartCharging ?? false,
      parentSiteAreaId: doc.parentSiteAreaId,
      accessControl: doc.accessControl ?? true,
      createdAt: doc.createdAt,
    };
  }
}
