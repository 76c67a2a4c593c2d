import { Connection, TenantId, textContains } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { BoundingBox } from '../geo/geo-math';
import { SitesArgs } from './dto/sites.args';
import { Site } from './models/site.model';
import { SiteDocument } from './schemas/site.schema';

/** Domain field names that differ in storage, for accessibleQuery. */
export const SITE_FIELD_NAMES = { id: '_id' };

export type SiteFields = Omit<Site, 'id' | 'createdAt'>;

/** A site's id and position, for distance computations. */
export interface LocatedSite {
  id: string;
  latitude: number;
  longitude: number;
}

@Injectable()
export class SiteRepository extends TenantRepository<SiteDocument, Site> {
  constructor(@InjectModel(SiteDocument.name) model: Model<SiteDocument>) {
    super(model);
  }

  create(tenantId: TenantId, fields: SiteFields): Promise<Site> {
    return this.insert(tenantId, fields);
  }

  findAccessible(
    tenantId: TenantId,
    id: string,
    accessible: FilterQuery<SiteDocument>,
  ): Promise<Site | null> {
    return this.findOne(tenantId, { $and: [{ _id: id }, accessible] });
  }

  page(
    tenantId: TenantId,
    accessible: FilterQuery<SiteDocument>,
    args: SitesArgs,
  ): Promise<Connection<Site>> {
    const filters: FilterQuery<SiteDocument>[] = [accessible];
    if (args.companyId) filters.push({ companyId: args.companyId });
    if (args.name) filters.push({ name: textContains(args.name) });
    return this.findPage(tenantId, { $and: filters }, args, { field: 'name', direction: 1 });
  }

  update(tenantId: TenantId, id: string, update: UpdateQuery<SiteDocument>): Promise<Site | null> {
    return this.updateOne(tenantId, { _id: id }, update);
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  /**
   * Sites positioned inside `box`: the database prefilter of a radius search (FerretDB has no
   * $geoNear / 2dsphere index, so the exact distance is computed by the caller).
   */
  async locatedIn(tenantId: TenantId, box: BoundingBox): Promise<LocatedSite[]> {
    const filter: FilterQuery<SiteDocument> = {
      'coordinates.latitude': { $gte: box.minLatitude, $lte: box.maxLatitude },
      $or: box.longitudeRanges.map(([min, max]) => ({ 'coordinates.longitude': { $gte: min, $lte: max } })),
    };
    const docs = await this.model
      .find(this.scope(tenantId, filter), { coordinates: 1 })
      .lean<{ _id: string; coordinates: { latitude: number; longitude: number } }[]>()
      .exec();
    return docs.map((doc) => ({ id: doc._id, ...doc.coordinates }));
  }

  protected toEntity(doc: Lean<SiteDocument>): Site {
    return {
      id: doc._id,
      companyId: doc.companyId,
      name: doc.name,
      address: doc.address,
      coordinates: doc.coordinates,
      openingHours: doc.openingHours ?? [],
      public: doc.public ?? false,
      timeZone: doc.timeZone,
      createdAt: doc.createdAt,
    };
  }
}
