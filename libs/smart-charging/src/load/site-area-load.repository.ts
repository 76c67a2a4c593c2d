import { TenantId } from '@csms/common';
import { TenantRepository, isDuplicateKeyError } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SiteAreaLoad } from '../models/site-area-load.model';
import { SiteAreaLoadDocument } from './site-area-load.schema';

@Injectable()
export class SiteAreaLoadRepository extends TenantRepository<
  SiteAreaLoadDocument & { tenantId: string },
  SiteAreaLoad
> {
  constructor(@InjectModel(SiteAreaLoadDocument.name) model: Model<SiteAreaLoadDocument>) {
    super(model);
  }

  /** Stores the point of its bucket; false when another instance stored that bucket first. */
  async addOnce(tenantId: TenantId, bucket: number, load: SiteAreaLoad): Promise<boolean> {
    try {
      await this.model.create({
        _id: `${tenantId}:${load.siteAreaId}:${bucket}`,
        tenantId,
        siteAreaId: load.siteAreaId,
        timestamp: load.timestamp,
        amps: [load.ampsL1, load.ampsL2, load.ampsL3],
        chargingAmps: [load.chargingAmpsL1, load.chargingAmpsL2, load.chargingAmpsL3],
        assetAmps: [load.assetAmpsL1, load.assetAmpsL2, load.assetAmpsL3],
        limitAmps: load.limitAmps,
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** The latest `limit` points in [from, to], oldest first. */
  async range(
    tenantId: TenantId,
    siteAreaId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<SiteAreaLoad[]> {
    const docs = await this.model
      .find(this.scope(tenantId, { siteAreaId, timestamp: { $gte: from, $lte: to } }))
      .sort({ timestamp: -1 })
      .limit(limit)
      .lean<SiteAreaLoadDocument[]>()
      .exec();
    return docs.reverse().map((doc) => this.toEntity(doc));
  }

  async deleteBefore(tenantId: TenantId, before: Date): Promise<number> {
    const result = await this.model.deleteMany(this.scope(tenantId, { timestamp: { $lt: before } })).exec();
    return result.deletedCount;
  }

  protected toEntity(doc: SiteAreaLoadDocument): SiteAreaLoad {
    return {
      siteAreaId: doc.siteAreaId,
      timestamp: doc.timestamp,
      ampsL1: doc.amps[0],
      ampsL2: doc.amps[1],
      ampsL3: doc.amps[2],
      chargingAmpsL1: doc.chargingAmps[0],
      chargingAmpsL2: doc.chargingAmps[1],
      chargingAmpsL3: doc.chargingAmps[2],
      assetAmpsL1: doc.assetAmps[0],
      assetAmpsL2: doc.assetAmps[1],
      assetAmpsL3: doc.assetAmps[2],
      limitAmps: doc.limitAmps ?? undefined,
    };
  }
}
