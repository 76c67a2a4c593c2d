import { TenantId } from '@csms/common';
import { Lean, TenantRepository, isDuplicateKeyError } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { readingOf } from './asset.repository';
import { AssetReading } from './models/asset-reading.model';
import { StoredReading } from './schemas/asset.schema';
import { AssetReadingDocument } from './schemas/asset-reading.schema';

/** The assets' curves. */
@Injectable()
export class AssetReadingRepository extends TenantRepository<AssetReadingDocument, AssetReading> {
  constructor(@InjectModel(AssetReadingDocument.name) model: Model<AssetReadingDocument>) {
    super(model);
  }

  /** Stores the reading; false when the asset already has one at that instant (a repeat). */
  async add(
    tenantId: TenantId,
    assetId: string,
    siteAreaId: string,
    reading: StoredReading,
  ): Promise<boolean> {
    try {
      await this.model.create({ ...reading, tenantId, assetId, siteAreaId });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** The latest `limit` readings in [from, to], oldest first. */
  async range(
    tenantId: TenantId,
    assetId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<AssetReading[]> {
    const docs = await this.model
      .find(this.scope(tenantId, { assetId, timestamp: { $gte: from, $lte: to } }))
      .sort({ timestamp: -1 })
      .limit(limit)
      .lean<Lean<AssetReadingDocument>[]>()
      .exec();
    return docs.reverse().map((doc) => this.toEntity(doc));
  }

  async deleteBefore(tenantId: TenantId, before: Date): Promise<number> {
    const result = await this.model.deleteMany(this.scope(tenantId, { timestamp: { $lt: before } })).exec();
    return result.deletedCount;
  }

  async deleteOfAsset(tenantId: TenantId, assetId: string): Promise<void> {
    await this.model.deleteMany(this.scope(tenantId, { assetId })).exec();
  }

  protected toEntity(doc: Lean<AssetReadingDocument>): AssetReading {
    return readingOf(doc.assetId, doc);
  }
}
