import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { IndexedMeasures, Measures, round } from '../measures';
import { Bucket, BucketFamily, BucketScale } from './bucket';
import { StatisticsRollupDocument } from './schemas/statistics-rollup.schema';

/** Which of a rollup's breakdowns a query needs: the others stay in the database. */
export type RollupPart = 'totals' | 'parts' | 'hours' | 'weekdays';

@Injectable()
export class StatisticsRollupRepository extends TenantRepository<StatisticsRollupDocument, Bucket> {
  constructor(@InjectModel(StatisticsRollupDocument.name) model: Model<StatisticsRollupDocument>) {
    super(model);
  }

  ofOwner(
    tenantId: TenantId,
    family: BucketFamily,
    owner: string,
    scale: BucketScale,
    periods: readonly string[],
  ): Promise<Bucket[]> {
    return this.findMany(tenantId, { family, owner, scale, period: { $in: periods } });
  }

  /**
   * Makes `buckets` the owner's rollups of `scale` and `periods`: each written whole (by its
   * deterministic id), and those of the same periods no longer computed deleted.
   */
  async replaceOwnerPeriods(
    tenantId: TenantId,
    family: BucketFamily,
    owner: string,
    scale: BucketScale,
    periods: readonly string[],
    buckets: readonly Bucket[],
  ): Promise<void> {
    await this.write(tenantId, buckets);
    await this.model
      .deleteMany(
        this.scope(tenantId, {
          family,
          owner,
          scale,
          period: { $in: periods },
          _id: { $nin: buckets.map((bucket) => bucket.id) },
        }),
      )
      .exec();
  }

  async write(tenantId: TenantId, buckets: readonly Bucket[]): Promise<void> {
    if (!buckets.length) return;
    // Built here whole: the driver's bulk write, without mongoose's per-document casting.
    const operations = buckets.map((bucket) => ({
      replaceOne: {
        filter: { _id: bucket.id, tenantId },
        replacement: withoutId(rollupDocument(tenantId, bucket)),
        upsert: true,
      },
    }));
    await this.model.collection.bulkWrite(operations as never, { ordered: false });
  }

  /** Every rollup of a local year: its year, its months ("YYYY-MM") and days sort between "YYYY" and "YYYY+1". */
  async deleteYear(tenantId: TenantId, year: number): Promise<void> {
    const period = { $gte: String(year).padStart(4, '0'), $lt: String(year + 1).padStart(4, '0') };
    await this.model.deleteMany(this.scope(tenantId, { period })).exec();
  }

  /** One family's rollups of a scale, zone and periods, with only `parts` of their breakdowns. */
  async *query(
    tenantId: TenantId,
    selection: { family: BucketFamily; scale: BucketScale; timeZone: string; periods: readonly string[] },
    filter: FilterQuery<StatisticsRollupDocument>,
    parts: readonly RollupPart[],
  ): AsyncGenerator<Bucket> {
    if (!selection.periods.length) return;
    const { family, scale, timeZone, periods } = selection;
    const query = this.scope(tenantId, {
      $and: [{ family, scale, timeZone, period: { $in: periods } }, filter],
    });
    const projection: Record<string, 1> = {
      family: 1,
      scale: 1,
      period: 1,
      timeZone: 1,
      owner: 1,
      chargingStationId: 1,
      userId: 1,
      tagId: 1,
      siteAreaId: 1,
      siteId: 1,
      companyId: 1,
    };
    for (const part of parts) projection[part] = 1;
    const cursor = this.model
      .find(query, projection)
      .lean<Lean<StatisticsRollupDocument>>()
      .cursor({ batchSize: 5000 });
    for await (const doc of cursor) yield this.toEntity(doc);
  }

  protected toEntity(doc: Lean<StatisticsRollupDocument>): Bucket {
    return {
      id: doc._id,
      family: doc.family as BucketFamily,
      scale: doc.scale as BucketScale,
      period: doc.period,
      timeZone: doc.timeZone,
      owner: doc.owner,
      chargingStationId: doc.chargingStationId,
      userId: doc.userId,
      tagId: doc.tagId,
      siteAreaId: doc.siteAreaId,
      siteId: doc.siteId,
      companyId: doc.companyId,
      totals: (doc.totals ?? [0, 0, 0, 0, 0]) as Measures,
      parts: IndexedMeasures.fromFlat(doc.parts),
      hours: doc.hours ? IndexedMeasures.fromFlat(doc.hours) : undefined,
      weekdays: doc.weekdays ? IndexedMeasures.fromFlat(doc.weekdays) : undefined,
    };
  }
}

/** A rollup as stored, `_id` included (bulk loads write it as it is). */
export function rollupDocument(tenantId: string, bucket: Bucket): Record<string, unknown> {
  const { id, totals, parts, hours, weekdays, ...fields } = bucket;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    ...defined,
    _id: id,
    tenantId,
    totals: totals.map(round),
    parts: parts.toFlat(),
    ...(hours ? { hours: hours.toFlat() } : {}),
    ...(weekdays ? { weekdays: weekdays.toFlat() } : {}),
    updatedAt: new Date(),
  };
}

function withoutId(document: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignored, ...fields } = document;
  return fields;
}
