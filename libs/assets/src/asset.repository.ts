import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { AssetConnector } from './models/asset-connector.model';
import { AssetReading } from './models/asset-reading.model';
import { Asset } from './models/asset.model';
import { AssetType } from './models/asset-type';
import { AssetDocument, StoredConnector, StoredReading } from './schemas/asset.schema';

/** Domain field names that differ in storage, for accessibleQuery. */
export const ASSET_FIELD_NAMES = { id: '_id' };

/** An asset with what only the server may see: its sealed connector secrets and key hash. */
export interface AssetRecord extends Asset {
  storedConnector?: StoredConnector;
  nextPullAt?: Date;
  apiKeyHash?: string;
}

export type NewAsset = Omit<AssetDocument, '_id' | 'tenantId' | 'createdAt'>;

@Injectable()
export class AssetRepository extends TenantRepository<AssetDocument, AssetRecord> {
  constructor(@InjectModel(AssetDocument.name) model: Model<AssetDocument>) {
    super(model);
  }

  create(tenantId: TenantId, fields: NewAsset): Promise<AssetRecord> {
    return this.insert(tenantId, fields);
  }

  find(
    tenantId: TenantId,
    id: string,
    accessible: FilterQuery<AssetDocument> = {},
  ): Promise<AssetRecord | null> {
    return this.findOne(tenantId, { $and: [{ _id: id }, accessible] });
  }

  /** Sorted by name; `siteAreaIds` undefined: every area the caller may see. */
  async list(
    tenantId: TenantId,
    accessible: FilterQuery<AssetDocument>,
    siteAreaIds?: readonly string[],
  ): Promise<AssetRecord[]> {
    const filter = siteAreaIds
      ? { $and: [{ siteAreaId: { $in: [...siteAreaIds] } }, accessible] }
      : accessible;
    const assets = await this.findMany(tenantId, filter);
    return assets.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  update(tenantId: TenantId, id: string, update: UpdateQuery<AssetDocument>): Promise<AssetRecord | null> {
    return this.updateOne(tenantId, { _id: id }, update);
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  /**
   * Makes `reading` the asset's last one unless a later one is there already (readings may arrive out
   * of order); `triggerWatts` when the change was significant. Null when it was not the latest.
   */
  recordLatest(
    tenantId: TenantId,
    id: string,
    reading: StoredReading,
    triggerWatts?: number,
  ): Promise<AssetRecord | null> {
    const set: Record<string, unknown> = { lastReading: reading };
    if (triggerWatts !== undefined) set.triggerWatts = triggerWatts;
    return this.updateOne(
      tenantId,
      {
        _id: id,
        $or: [{ lastReading: { $exists: false } }, { 'lastReading.timestamp': { $lt: reading.timestamp } }],
      },
      { $set: set },
    );
  }

  /** Assets whose pull connector is due. */
  dueForPull(tenantId: TenantId, now: Date, limit: number): Promise<AssetRecord[]> {
    return this.findMany(tenantId, { nextPullAt: { $lte: now } }, limit);
  }

  /**
   * Moves the asset's next pull on, if it still is `due`: the instance whose update matched pulls it.
   * Not atomic on FerretDB: two instances may both pull, which stores one reading (unique instant)
   * or two close together, both harmless.
   */
  async claimPull(tenantId: TenantId, id: string, due: Date, next: Date): Promise<boolean> {
    const result = await this.model
      .updateOne(this.scope(tenantId, { _id: id, nextPullAt: due }), { $set: { nextPullAt: next } })
      .exec();
    return result.modifiedCount > 0;
  }

  async recordPull(tenantId: TenantId, id: string, at: Date, error?: string): Promise<void> {
    const update = error
      ? { $set: { 'connector.lastPullAt': at, 'connector.lastPullError': error } }
      : { $set: { 'connector.lastPullAt': at }, $unset: { 'connector.lastPullError': 1 } };
    await this.model.updateOne(this.scope(tenantId, { _id: id }), update).exec();
  }

  protected toEntity(doc: Lean<AssetDocument>): AssetRecord {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      name: doc.name,
      type: doc.type as AssetType,
      siteAreaId: doc.siteAreaId,
      siteId: doc.siteId,
      staticValueWatts: doc.staticValueWatts,
      fluctuationPercent: doc.fluctuationPercent ?? 0,
      variationThresholdPercent: doc.variationThresholdPercent ?? 10,
      dynamic: doc.dynamic ?? false,
      excludeFromSmartCharging: doc.excludeFromSmartCharging ?? false,
      meterId: doc.meterId,
      lastReading: doc.lastReading ? readingOf(doc._id, doc.lastReading) : undefined,
      triggerWatts: doc.triggerWatts,
      connector: doc.connector ? connectorOf(doc.connector) : undefined,
      storedConnector: doc.connector,
      nextPullAt: doc.nextPullAt,
      apiKeyHash: doc.apiKeyHash,
      apiKeyPrefix: doc.apiKeyPrefix,
      createdAt: doc.createdAt,
    };
  }
}

export function readingOf(assetId: string, stored: StoredReading): AssetReading {
  const reading: AssetReading = { assetId, timestamp: new Date(stored.timestamp), watts: stored.watts };
  for (const key of READING_FIELDS)
    if (stored[key] !== undefined && stored[key] !== null) reading[key] = stored[key];
  return reading;
}

export const READING_FIELDS = [
  'wattsL1',
  'wattsL2',
  'wattsL3',
  'ampsL1',
  'ampsL2',
  'ampsL3',
  'voltsL1',
  'voltsL2',
  'voltsL3',
  'stateOfCharge',
] as const;

function connectorOf(stored: StoredConnector): AssetConnector {
  return {
    url: stored.url,
    auth: stored.auth,
    apiKeyHeader: stored.apiKeyHeader,
    tokenUrl: stored.tokenUrl,
    clientId: stored.clientId,
    scope: stored.scope,
    mapping: { watts: stored.mapping.watts, ...stored.mapping },
    powerFactor: stored.powerFactor,
    refreshIntervalSeconds: stored.refreshIntervalSeconds,
    lastPullAt: stored.lastPullAt,
    lastPullError: stored.lastPullError,
  };
}
