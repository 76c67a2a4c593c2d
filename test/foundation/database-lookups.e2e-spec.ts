import { Db, Document, MongoClient } from 'mongodb';
import { uniqueDatabaseUri } from '../setup/test-database';

/**
 * The embedded database is FerretDB built with our patches (scripts/ferretdb-patches.js): lookups by
 * _id and by plain strings on indexed fields reach SQLite's indexes instead of reading the whole
 * collection. These checks hold on any MongoDB-wire server; the plan checks only where the server is
 * that FerretDB.
 */
describe('database lookups', () => {
  let client: MongoClient;
  let db: Db;
  let ferretDb: boolean;
  const stations = () => db.collection<Document & { _id: string }>('lookups');

  beforeAll(async () => {
    client = await MongoClient.connect(uniqueDatabaseUri('lookups'));
    db = client.db();
    ferretDb = typeof (await db.command({ buildInfo: 1 })).ferretdbVersion === 'string';
    await stations().createIndex({ tenantId: 1, stationId: 1 }, { unique: true });
    await stations().insertMany([
      ...Array.from({ length: 300 }, (_, n) => ({
        _id: `t${n % 3}/CS-${n}`,
        tenantId: `t${n % 3}`,
        stationId: `CS-${n}`,
        power: n,
      })),
      { _id: 't0/Bornée "Süd"', tenantId: 't0', stationId: 'Bornée "Süd"', power: 1 },
      { _id: 't0/numeric', tenantId: 't0', stationId: 42, power: 2 },
    ]);
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  /** Whether the server answers `filter` from an index: SQLite's plan on FerretDB, mongod's otherwise. */
  async function usesIndex(filter: Document, index: RegExp): Promise<boolean> {
    const explained = await db.command({ explain: { find: 'lookups', filter } });
    if (!ferretDb) return /IXSCAN|IDHACK|EXPRESS/.test(JSON.stringify(explained.queryPlanner));
    const plan = (explained.queryPlanner as { Plan: string[] }).Plan.join('\n');
    return explained.filterPushdown === true && /SEARCH .* USING INDEX/.test(plan) && index.test(plan);
  }

  it('finds by indexed strings exactly what the filter says', async () => {
    expect(await stations().find({ tenantId: 't1', stationId: 'CS-4' }).toArray()).toEqual([
      { _id: 't1/CS-4', tenantId: 't1', stationId: 'CS-4', power: 4 },
    ]);
    // Right station, other tenant: the pushed-down clause must not loosen the filter.
    expect(await stations().find({ tenantId: 't0', stationId: 'CS-4' }).toArray()).toEqual([]);
    // Fields without an index are still filtered, by the handler.
    expect(await stations().countDocuments({ tenantId: 't2', power: { $gte: 290 } })).toBe(4);
    expect(await stations().countDocuments({ tenantId: 't2' })).toBe(100);
  });

  it('finds strings that SQLite and Go encode differently, and never matches a number to a string', async () => {
    expect(await stations().findOne({ tenantId: 't0', stationId: 'Bornée "Süd"' })).toMatchObject({
      power: 1,
    });
    expect(await stations().findOne({ tenantId: 't0', stationId: '42' })).toBeNull();
    expect(await stations().findOne({ tenantId: 't0', stationId: 42 })).toMatchObject({ power: 2 });
  });

  it('updates and deletes by _id plus tenant, touching that document only', async () => {
    await stations().updateOne({ _id: 't1/CS-7', tenantId: 't1' }, { $set: { power: 700 } });
    await stations().updateOne({ _id: 't1/CS-10', tenantId: 't0' }, { $set: { power: 1000 } });
    expect(await stations().findOne({ _id: 't1/CS-7' })).toMatchObject({ power: 700 });
    expect(await stations().findOne({ _id: 't1/CS-10' })).toMatchObject({ power: 10 });
    expect((await stations().deleteOne({ _id: 't2/CS-8', tenantId: 't2' })).deletedCount).toBe(1);
    expect(await stations().countDocuments({ tenantId: 't2' })).toBe(99);
  });

  it('finds a batch of ids listed with $in, within the tenant, and nothing else', async () => {
    const ids = ['t1/CS-1', 't1/CS-4', 't0/CS-3', 't1/missing', 't0/Bornée "Süd"'];
    const found = await stations()
      .find({ _id: { $in: ids }, tenantId: 't1' }, { sort: { _id: 1 } })
      .toArray();
    expect(found.map((doc) => doc._id)).toEqual(['t1/CS-1', 't1/CS-4']);
    // A number among the ids: the whole list is left to the handler, which still matches exactly.
    const mixed = await db
      .collection('lookups')
      .find({ _id: { $in: ['t0/numeric', 7] } } as Document)
      .toArray();
    expect(mixed.map((doc) => doc._id)).toEqual(['t0/numeric']);
    expect(await stations().countDocuments({ _id: { $in: [] } })).toBe(0);
  });

  it('finds a batch of indexed strings listed with $in, and nothing else', async () => {
    const found = await stations()
      .find({ tenantId: 't1', stationId: { $in: ['CS-1', 'CS-4', 'CS-3', 'Bornée "Süd"'] } })
      .toArray();
    expect(found.map((doc) => doc._id).sort()).toEqual(['t1/CS-1', 't1/CS-4']);
    const withNumber = await stations()
      .find({ tenantId: 't0', stationId: { $in: ['Bornée "Süd"', 42] } } as Document)
      .toArray();
    expect(withNumber.map((doc) => doc._id).sort()).toEqual(['t0/Bornée "Süd"', 't0/numeric']);
  });

  it('answers those lookups from an index', async () => {
    expect(await usesIndex({ tenantId: 't1', stationId: 'CS-4' }, /tenantId_1_stationId_1/)).toBe(true);
    expect(await usesIndex({ _id: 't1/CS-4', tenantId: 't1' }, /__id_/)).toBe(true);
    expect(await usesIndex({ _id: { $in: ['t1/CS-4', 't2/CS-5'] }, tenantId: 't1' }, /__id_/)).toBe(true);
    expect(
      await usesIndex({ tenantId: 't1', stationId: { $in: ['CS-4', 'CS-7'] } }, /tenantId_1_stationId_1/),
    ).toBe(true);
    expect(await usesIndex({ power: 4 }, /./)).toBe(false);
  });
});
