import {
  Connection,
  ConnectionArgs,
  CursorValue,
  DEFAULT_PAGE_SIZE,
  TenantId,
  decodeCursor,
  encodeCursor,
} from '@csms/common';
import DataLoader from 'dataloader';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { countMatching } from './count-matching';
import { isDuplicateKeyError } from './duplicate-key';
import { TenantDocument } from './tenant-document';

export interface PageSort<TDoc> {
  field: keyof TDoc & string;
  direction: 1 | -1;
}

export type Lean<TDoc> = TDoc & { _id: string };

/** A lookup by one field's value within a tenant. */
export interface FieldKey {
  tenantId: TenantId;
  value: string;
}

/**
 * Base of every repository: each method takes the tenant first and scopes its query to it, so no
 * module can read or write across tenants by forgetting a filter. Subclasses map documents to
 * plain domain objects.
 */
export abstract class TenantRepository<TDoc extends TenantDocument, TEntity> {
  protected constructor(protected readonly model: Model<TDoc>) {}

  protected abstract toEntity(doc: Lean<TDoc>): TEntity;

  protected scope(tenantId: TenantId, filter: FilterQuery<TDoc> = {}): FilterQuery<TDoc> {
    return { ...filter, tenantId };
  }

  async findById(tenantId: TenantId, id: string): Promise<TEntity | null> {
    return this.findOne(tenantId, { _id: id });
  }

  async findByIds(tenantId: TenantId, ids: readonly string[]): Promise<TEntity[]> {
    return this.findMany(tenantId, { _id: { $in: ids } });
  }

  protected async findOne(tenantId: TenantId, filter: FilterQuery<TDoc>): Promise<TEntity | null> {
    const doc = await this.model.findOne(this.scope(tenantId, filter)).lean<Lean<TDoc>>().exec();
    return doc ? this.toEntity(doc) : null;
  }

  protected async findMany(
    tenantId: TenantId,
    filter: FilterQuery<TDoc>,
    limit?: number,
  ): Promise<TEntity[]> {
    const query = this.model.find(this.scope(tenantId, filter));
    if (limit) query.limit(limit);
    const docs = await query.lean<Lean<TDoc>[]>().exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  /**
   * Lookups by one field that arrive together (a reconnect storm's thousands) become one `$in`
   * query per tenant and loop turn; each key gets its documents. Nothing is cached: every load
   * reads the database.
   */
  protected batchedBy(
    field: keyof TDoc & string,
    filter: FilterQuery<TDoc> = {},
  ): DataLoader<FieldKey, Lean<TDoc>[], string> {
    const keyOf = (tenantId: string, value: unknown): string => `${tenantId}\u0000${String(value)}`;
    const load = async (keys: readonly FieldKey[]): Promise<Lean<TDoc>[][]> => {
      const found = new Map<string, Lean<TDoc>[]>();
      for (const tenantId of new Set(keys.map((key) => key.tenantId))) {
        const values = keys.filter((key) => key.tenantId === tenantId).map((key) => key.value);
        const scoped = this.scope(tenantId, { ...filter, [field]: { $in: values } });
        const docs = await this.model.find(scoped).lean<Lean<TDoc>[]>().exec();
        for (const doc of docs) {
          const key = keyOf(tenantId, doc[field]);
          const list = found.get(key);
          if (list) list.push(doc);
          else found.set(key, [doc]);
        }
      }
      return keys.map((key) => found.get(keyOf(key.tenantId, key.value)) ?? []);
    };
    return new DataLoader(load, {
      cache: false,
      cacheKeyFn: (key) => keyOf(key.tenantId, key.value),
      // After the I/O callbacks of this loop turn: lookups from many connections' frames batch together
      // (within one tick there is rarely more than one).
      batchScheduleFn: (callback) => setImmediate(callback),
    });
  }

  /** Every matching document, from a cursor (exports, rebuilds): never all in memory. */
  protected async *streamMatching(
    tenantId: TenantId,
    filter: FilterQuery<TDoc>,
    batchSize = 1000,
  ): AsyncGenerator<TEntity> {
    const cursor = this.model.find(this.scope(tenantId, filter)).lean<Lean<TDoc>>().cursor({ batchSize });
    for await (const doc of cursor) yield this.toEntity(doc as Lean<TDoc>);
  }

  async count(tenantId: TenantId, filter: FilterQuery<TDoc> = {}): Promise<number> {
    return countMatching(this.model, this.scope(tenantId, filter));
  }

  protected async insert(
    tenantId: TenantId,
    fields: Omit<TDoc, '_id' | 'tenantId'> & { _id?: string },
  ): Promise<TEntity> {
    const created = await this.model.create({ ...fields, tenantId });
    return this.toEntity(created.toObject());
  }

  protected async updateOne(
    tenantId: TenantId,
    filter: FilterQuery<TDoc>,
    update: UpdateQuery<TDoc>,
    options: { upsert?: boolean } = {},
  ): Promise<TEntity | null> {
    const run = () =>
      this.model
        .findOneAndUpdate(this.scope(tenantId, filter), update, {
          new: true,
          upsert: options.upsert ?? false,
        })
        .lean<Lean<TDoc>>()
        .exec();
    let doc: Lean<TDoc> | null;
    try {
      doc = await run();
    } catch (error) {
      // Two upserts of the same new document race: one inserts, the other hits the unique index.
      // Retried, the loser finds the winner's document and updates it.
      if (!options.upsert || !isDuplicateKeyError(error)) throw error;
      doc = await run();
    }
    return doc ? this.toEntity(doc) : null;
  }

  protected async deleteOne(tenantId: TenantId, filter: FilterQuery<TDoc>): Promise<boolean> {
    const result = await this.model.deleteOne(this.scope(tenantId, filter)).exec();
    return result.deletedCount > 0;
  }

  /**
   * A Relay page ordered by (sort field, _id). `hasNextPage` comes from fetching one row more than
   * asked, never from the page size.
   */
  protected async findPage(
    tenantId: TenantId,
    filter: FilterQuery<TDoc>,
    args: ConnectionArgs,
    sort: PageSort<TDoc>,
  ): Promise<Connection<TEntity>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const scoped = this.scope(tenantId, filter);
    const query: FilterQuery<TDoc> = args.after ? { $and: [scoped, this.after(args.after, sort)] } : scoped;
    const [docs, totalCount] = await Promise.all([
      this.model
        .find(query)
        .sort({ [sort.field]: sort.direction, _id: sort.direction })
        .limit(first + 1)
        .lean<Lean<TDoc>[]>()
        .exec(),
      countMatching(this.model, scoped),
    ]);
    const page = docs.slice(0, first);
    const edges = page.map((doc) => ({
      node: this.toEntity(doc),
      cursor: encodeCursor({ value: (doc[sort.field] as CursorValue) ?? null, id: doc._id }),
    }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: docs.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /**
   * An offset page in the given order and how many match: for protocols that page by offset and
   * limit (OCPI GET lists), where the caller's window is the API.
   */
  protected async findOffsetPage(
    tenantId: TenantId,
    filter: FilterQuery<TDoc>,
    sort: Record<string, 1 | -1>,
    window: { offset: number; limit: number },
  ): Promise<{ items: TEntity[]; total: number }> {
    const [docs, total] = await Promise.all([
      this.model
        .find(this.scope(tenantId, filter))
        .sort(sort)
        .skip(window.offset)
        .limit(window.limit)
        .lean<Lean<TDoc>[]>()
        .exec(),
      this.count(tenantId, filter),
    ]);
    return { items: docs.map((doc) => this.toEntity(doc)), total };
  }

  private after(cursor: string, sort: PageSort<TDoc>): FilterQuery<TDoc> {
    const { value, id } = decodeCursor(cursor);
    const beyond = sort.direction === 1 ? '$gt' : '$lt';
    return {
      $or: [{ [sort.field]: { [beyond]: value } }, { [sort.field]: value, _id: { [beyond]: id } }],
    } as FilterQuery<TDoc>;
  }
}
