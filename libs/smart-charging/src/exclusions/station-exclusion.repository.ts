import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { StationExclusion } from './station-exclusion';
import { StationExclusionDocument } from './station-exclusion.schema';

@Injectable()
export class StationExclusionRepository extends TenantRepository<StationExclusionDocument, StationExclusion> {
  constructor(@InjectModel(StationExclusionDocument.name) model: Model<StationExclusionDocument>) {
    super(model);
  }

  async ofStations(
    tenantId: TenantId,
    stationIds: readonly string[],
  ): Promise<Map<string, StationExclusion>> {
    const found = await this.findMany(tenantId, { stationId: { $in: [...stationIds] } });
    return new Map(found.map((exclusion) => [exclusion.chargingStationId, exclusion]));
  }

  async exclude(tenantId: TenantId, stationId: string, reason: string): Promise<StationExclusion> {
    return (await this.updateOne(
      tenantId,
      { stationId },
      { $set: { reason, excludedAt: new Date() } },
      { upsert: true },
    ))!;
  }

  listAll(tenantId: TenantId): Promise<StationExclusion[]> {
    return this.findMany(tenantId, {}, 1000);
  }

  include(tenantId: TenantId, stationId: string): Promise<boolean> {
    return this.deleteOne(tenantId, { stationId });
  }

  protected toEntity(doc: Lean<StationExclusionDocument>): StationExclusion {
    return { chargingStationId: doc.stationId, reason: doc.reason, excludedAt: doc.excludedAt };
  }
}
