import { mongo } from 'mongoose';
import { BENCH_TENANT } from './csms-under-test';

/** Straight to the database, for set-ups too big to go through the API and for checks behind its back. */
export async function withDatabase<T>(databaseUri: string, work: (db: mongo.Db) => Promise<T>): Promise<T> {
  // A database that stopped answering must fail the benchmark, not hang it.
  const client = new mongo.MongoClient(databaseUri, {
    directConnection: true,
    serverSelectionTimeoutMS: 10_000,
    socketTimeoutMS: 300_000,
  });
  try {
    await client.connect();
    return await work(client.db());
  } finally {
    await client.close();
  }
}

/** Ids as the server makes them: 24 hex characters, time-ordered (newId in libs/database). */
export function documentId(): string {
  return new mongo.ObjectId().toHexString();
}

/** Active tags `tagIdOf(0..count-1)` of the bench tenant, inserted as the tags collection stores them. */
export async function insertTags(
  databaseUri: string,
  count: number,
  tagIdOf: (index: number) => string,
): Promise<void> {
  const now = new Date();
  await withDatabase(databaseUri, async (db) => {
    const tags = db.collection<{ _id: string }>('tags');
    for (let start = 0; start < count; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - start) }, (_, offset) => ({
        _id: documentId(),
        tenantId: BENCH_TENANT,
        tagId: tagIdOf(start + offset),
        active: true,
        isDefault: false,
        createdAt: now,
        updatedAt: now,
      }));
      await tags.insertMany(batch, { ordered: false });
    }
  });
}
