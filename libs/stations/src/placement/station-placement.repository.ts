import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { ChargingStationRepository } from '../charging-station.repository';
import { ChargingStation } from '../models/charging-station.model';
import { StationPlacement } from '../ports/station-organization.port';
import { ChargingStationDocument } from '../schemas/charging-station.schema';

/** A station id with where it stands, read without the rest of the document. */
export interface PlacedStation {
  id: string;
  siteId?: string;
  siteAreaId?: string;
}

/** Queries and writes about where stations stand, on the charging_stations collection. */
@Injectable()
export class StationPlacementRepository extends ChargingStationRepository {
  constructor(@InjectModel(ChargingStationDocument.name) model: Model<ChargingStationDocument>) {
    super(model);
  }

  /** Sets (or, with null, clears) the placement; null when the station does not exist. */
  place(
    tenantId: TenantId,
    stationId: string,
    placement: StationPlacement | null,
  ): Promise<ChargingStation | null> {
    const update = placement
      ? { $set: { siteId: placement.siteId, siteAreaId: placement.siteAreaId } }
      : { $unset: { siteId: 1, siteAreaId: 1 } };
    return this.updateOne(tenantId, { stationId }, update);
  }

  async placements(
    tenantId: TenantId,
    filter: FilterQuery<ChargingStationDocument>,
  ): Promise<PlacedStation[]> {
    const docs = await this.model
      .find(this.scope(tenantId, filter), { stationId: 1, siteId: 1, siteAreaId: 1 })
      .lean<{ stationId: string; siteId?: string; siteAreaId?: string }[]>()
      .exec();
    return docs.map((doc) => ({ id: doc.stationId, siteId: doc.siteId, siteAreaId: doc.siteAreaId }));
  }

  findByStationIds(tenantId: TenantId, stationIds: readonly string[]): Promise<ChargingStation[]> {
    return this.findMany(tenantId, { stationId: { $in: stationIds } });
  }

  /** Every station of the tenant, streamed. */
  every(tenantId: TenantId): AsyncGenerator<ChargingStation> {
    return this.streamMatching(tenantId, {});
  }
}
