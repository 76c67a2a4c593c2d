import { inRunsOf, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, mongo } from 'mongoose';
import { IndexedMeasures, Measures, zeroMeasures } from '../measures';
import { Bucket, BucketFamily, BucketScale, FAMILY_KEY_FIELDS } from './bucket';
import { decodeRollupData, encodeRollupData } from './rollup-data.codec';
import { StatisticsRollupDocument } from './schemas/statistics-rollup.schema';

/** Which rollups a query reads: one family's, of one scale and some periods. */
export interface RollupSelection {
  family: BucketFamily;
  scale: BucketScale;
  periods: readonly string[];
  /** The zone's rollups only; undefined when a condition pins a site or user (their index), zone checked here. */
  timeZone?: string;
  zoneOfResults: string;
}

/** The most values FerretDB pushes down in one `$in` (its index lookups take up to 1000). */
const IN_CHUNK = 1000;

@Injectable()
export class StatisticsRollupRepository extends TenantRepository<StatisticsRollupDocument, Bucket> {
  constructor(@InjectModel(StatisticsRollupDocument.name) model: Model<StatisticsRollupDocument>) {
    super(model);
  }

  /** An owner's rollups of `scale` and `periods`, whatever their keys (a station that moved has several). */
  ofOwner(
    tenantId: TenantId,
    family: BucketFamily,
    owner: string,
    scale: BucketScale,
    periods: readonly string[],
  ): Promise<Bucket[]> {
    return this.findMany(tenantId, { family, owner, scale, period: { $in: periods } });
  }

  /** A family's rollups of some zones' periods (every group). */
  ofPeriods(
    tenantId: TenantId,
    family: BucketFamily,
    scale: BucketScale,
    timeZones: readonly string[],
    periods: readonly string[],
  ): Promise<Bucket[]> {
    if (!timeZones.length) return Promise.resolve([]);
    return this.findMany(tenantId, { family, scale, timeZone: { $in: timeZones }, period: { $in: periods } });
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

  /** Every rollup of the tenant (a rebuild starts from none). */
  async deleteAll(tenantId: TenantId): Promise<void> {
    await this.model.deleteMany(this.scope(tenantId)).exec();
  }

  /** The rollups a query reads, matching `conditions` (the caller's filter and ability), streamed. */
  async *query(
    tenantId: TenantId,
    selection: RollupSelection,
    conditions: readonly FilterQuery<StatisticsRollupDocument>[],
  ): AsyncGenerator<Bucket> {
    const { family, scale, timeZone, periods } = selection;
    for (const run of inRunsOf(periods, IN_CHUNK)) {
      const base = { family, scale, period: { $in: run } };
      // One flat $and: FerretDB pushes down the conditions of the top-level $and's members only.
      const query = this.scope(tenantId, {
        $and: [timeZone ? { ...base, timeZone } : base, ...conditions],
      });
      const cursor = this.model
        .find(query)
        .lean<Lean<StatisticsRollupDocument>>()
        .cursor({ batchSize: 5000 });
      for await (const doc of cursor) {
        if (doc.timeZone === selection.zoneOfResults) yield this.toEntity(doc);
      }
    }
  }

  protected toEntity(doc: Lean<StatisticsRollupDocument>): Bucket {
    const tables = decodeRollupData(bufferOf(doc.data));
    const keys = Object.fromEntries(
      FAMILY_KEY_FIELDS[doc.family as BucketFamily].map((field) => [field, doc[field] ?? '']),
    );
    return {
      id: doc._id,
      family: doc.family as BucketFamily,
      scale: doc.scale as BucketScale,
      period: doc.period,
      timeZone: doc.timeZone,
      owner: doc.owner,
      ...keys,
      totals: (tables.totals?.get(0) ?? zeroMeasures()) as Measures,
      hours: tables.hours ?? new IndexedMeasures(),
      ...(doc.scale === 'year'
        ? {
            months: tables.months ?? new IndexedMeasures(),
            weekdays: tables.weekdays ?? new IndexedMeasures(),
          }
        : {}),
      ...(doc.scale === 'month' ? { days: tables.days ?? new IndexedMeasures() } : {}),
    };
  }
}

/** The driver hands binary values back as its Binary type (lean documents are not cast). */
function bufferOf(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof mongo.Binary) return Buffer.from(data.buffer);
  return Buffer.alloc(0);
}

/** A rollup as stored, `_id` included (bulk loads write it as it is). */
export function rollupDocument(tenantId: string, bucket: Bucket): Record<string, unknown> {
  const { id, totals, hours, months, weekdays, days, ...fields } = bucket;
  const totalsTable = new IndexedMeasures();
  totalsTable.add(0, totals);
  return {
    ...fields,
    _id: id,
    tenantId,
    data: encodeRollupData({ totals: totalsTable, months, days, hours, weekdays }),
  };
}

function withoutId(document: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignored, ...fields } = document;
  return fields;
}
