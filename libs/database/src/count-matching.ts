import { FilterQuery, Model } from 'mongoose';

/**
 * How many documents match `filter`, by the `count` command: the embedded FerretDB answers it in
 * SQLite when the filter is plain equality on indexed fields, where `countDocuments` (an aggregation)
 * decodes every matching document. The filter is cast by mongoose as `countDocuments` would.
 */
export async function countMatching<TDoc>(model: Model<TDoc>, filter: FilterQuery<TDoc>): Promise<number> {
  const query = model.find(filter).cast(model) as Record<string, unknown>;
  const answer = await model.db.db!.command({ count: model.collection.collectionName, query });
  return Number(answer.n);
}
