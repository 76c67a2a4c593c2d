import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { RoamingLocation } from './roaming-location';
import { RoamingLocationDocument } from './schemas/roaming-location.schema';

export interface LocationWindow {
  filter: FilterQuery<RoamingLocationDocument>;
  offset: number;
  limit: number;
}

@Injectable()
export class RoamingLocationRepository extends TenantRepository<RoamingLocationDocument, RoamingLocation> {
  constructor(@InjectModel(RoamingLocationDocument.name) model: Model<RoamingLocationDocument>) {
    super(model);
  }

  find(tenantId: TenantId, siteId: string): Promise<RoamingLocation | null> {
    return this.findOne(tenantId, { siteId });
  }

  /** A published location by id, compared case-insensitively (OCPI ids are CiStrings). */
  async findPublished(tenantId: TenantId, locationId: string): Promise<RoamingLocation | null> {
    const location = await this.findOne(tenantId, { siteId: locationId.toLowerCase(), published: true });
    return location ?? this.findOne(tenantId, { siteId: locationId, published: true });
  }

  async save(tenantId: TenantId, location: RoamingLocation): Promise<void> {
    const { id, ...fields } = location;
    await this.updateOne(tenantId, { siteId: id }, { $set: { ...fields, siteId: id } }, { upsert: true });
  }

  /** Published locations in the window, oldest first (by creation), and how many match. */
  async pagePublished(
    tenantId: TenantId,
    window: LocationWindow,
  ): Promise<{ items: RoamingLocation[]; total: number }> {
    const filter = this.scope(tenantId, { ...window.filter, published: true });
    const [docs, total] = await Promise.all([
      this.model
        .find(filter)
        .sort({ _id: 1 })
        .skip(window.offset)
        .limit(window.limit)
        .lean<Lean<RoamingLocationDocument>[]>()
        .exec(),
      this.count(tenantId, { ...window.filter, published: true }),
    ]);
    return { items: docs.map((doc) => this.toEntity(doc)), total };
  }

  /** The sites whose projection holds an EVSE of `stationId` (the station may have moved). */
  async siteIdsWithStation(tenantId: TenantId, stationId: string): Promise<string[]> {
    const docs = await this.model
      .find(this.scope(tenantId, { 'evses.stationId': stationId }), { siteId: 1 })
      .lean<{ siteId: string }[]>()
      .exec();
    return docs.map((doc) => doc.siteId);
  }

  protected toEntity(doc: Lean<RoamingLocationDocument>): RoamingLocation {
    return {
      id: doc.siteId,
      published: doc.published,
      problems: doc.problems ?? [],
      name: doc.name,
      address: doc.address,
      city: doc.city,
      ...(doc.postalCode ? { postalCode: doc.postalCode } : {}),
      country: doc.country,
      latitude: doc.latitude,
      longitude: doc.longitude,
      timeZone: doc.timeZone,
      openingHours: doc.openingHours,
      evses: (doc.evses ?? []).map((evse) => ({
        ...evse,
        lastUpdated: new Date(evse.lastUpdated),
        connectors: evse.connectors.map((connector) => ({
          ...connector,
          lastUpdated: new Date(connector.lastUpdated),
        })),
      })),
      lastUpdated: doc.lastUpdated,
    };
  }
}
