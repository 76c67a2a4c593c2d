import { Db, Document, MongoClient } from 'mongodb';
import { uniqueDatabaseUri } from '../setup/test-database';

type Row = Document & { _id: string };

/**
 * Pages as the repositories read them: a sort with a limit, after a cursor, and a count. The embedded
 * FerretDB (scripts/ferretdb-patches.js) has SQLite walk an index in JSON-text order, compare cursors
 * by value and count in SQL; JSON text does not order every value as MongoDB does, so each result is
 * checked here against the server's own unpushed answer (no limit: sorted in memory) over values
 * chosen to disagree: numbers of different lengths, escaped characters, dates before 2001, mixed types.
 */
describe('sorted pages and counts', () => {
  let client: MongoClient;
  let db: Db;
  const rows = () => db.collection<Row>('pages');

  const values: unknown[] = [
    9,
    10,
    100,
    -5,
    2.5,
    'a&b',
    'a',
    'a<',
    'aA',
    'aZ',
    'b',
    'é',
    'x"y',
    null,
    undefined,
    true,
    new Date(86_400_000),
    new Date('2026-12-01T00:00:00Z'),
  ];

  beforeAll(async () => {
    client = await MongoClient.connect(uniqueDatabaseUri('pages'));
    db = client.db();
    await rows().createIndex({ tenantId: 1, value: 1 });
    await rows().createIndex({ tenantId: 1, at: -1, _id: -1 });
    await rows().insertMany([
      ...values.map((value, n) => ({
        _id: `v${String(n).padStart(2, '0')}`,
        tenantId: 'mixed',
        ...(value === undefined ? {} : { value, copy: value }),
      })),
      // A log: timestamps of this era, and a station whose clock said 1970.
      ...Array.from({ length: 300 }, (_, n) => {
        const at = new Date(n === 7 ? 1000 : Date.parse('2026-12-01T00:00:00Z') + (n % 50) * 60_000);
        const value = n % 2 ? `CS-${n}` : `Smith & Sons ${n}`;
        return {
          _id: `m${String(n).padStart(3, '0')}`,
          tenantId: n % 3 === 0 ? 'other' : 'log',
          at,
          value,
          copyAt: at,
          copy: value,
        };
      }),
    ]);
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  const ids = (docs: Row[]) => docs.map((doc) => doc._id);

  it.each([
    ['ascending', { value: 1, _id: 1 }],
    ['descending', { value: -1, _id: -1 }],
    ['mixed directions', { value: -1, _id: 1 }],
  ] as const)('sorts a limited find %s as MongoDB does, whatever the values', async (_, sort) => {
    const everything = ids(await rows().find({ tenantId: 'mixed' }).sort(sort).toArray());
    expect(everything).toHaveLength(values.length);
    for (const limit of [1, 5, values.length]) {
      const page = ids(await rows().find({ tenantId: 'mixed' }).sort(sort).limit(limit).toArray());
      expect(page).toEqual(everything.slice(0, limit));
    }
  });

  it('walks a log newest first, page after page, each row once, the 1970 one last', async () => {
    const sort = { at: -1, _id: -1 } as const;
    const expected = ids(await rows().find({ tenantId: 'log' }).sort(sort).toArray());
    expect(expected).toHaveLength(200);
    const seen: string[] = [];
    let last: Row | undefined;
    for (let page = 0; page < 20; page++) {
      const filter = last
        ? {
            $and: [
              { tenantId: 'log' },
              { $or: [{ at: { $lt: last.at } }, { at: last.at, _id: { $lt: last._id } }] },
            ],
          }
        : { tenantId: 'log' };
      const docs = await rows().find(filter).sort(sort).limit(17).toArray();
      seen.push(...ids(docs));
      if (docs.length < 17) break;
      last = docs.at(-1);
    }
    expect(seen).toEqual(expected);
    expect(seen.at(-1)).toBe('m007');
  });

  it('compares cursors of strings and dates by value', async () => {
    const cases: Document[] = [
      { tenantId: 'mixed', value: { $lt: 'aA' } },
      { tenantId: 'mixed', value: { $gt: 'a;' } },
      { tenantId: 'mixed', value: { $gte: 'aZ', $lte: 'é' } },
      { tenantId: 'mixed', value: { $lt: new Date('2001-01-01T00:00:00Z') } },
      { tenantId: 'log', at: { $lt: new Date('2001-01-01T00:00:00Z') } },
      { tenantId: 'log', at: { $gte: new Date('2026-12-01T00:30:00Z') } },
      {
        $and: [
          { tenantId: 'mixed' },
          { $or: [{ value: { $gt: 'aA' } }, { value: 'aA', _id: { $gt: 'v00' } }] },
        ],
      },
      { tenantId: 'log', value: { $gt: 'Smith & Sons 50' } },
    ];
    // `copy` and `copyAt` hold the same values without an index: the handler alone answers those.
    const unindexed = (filter: unknown): unknown =>
      Array.isArray(filter)
        ? filter.map(unindexed)
        : filter && typeof filter === 'object' && !(filter instanceof Date)
          ? Object.fromEntries(
              Object.entries(filter).map(([key, value]) => [
                ({ value: 'copy', at: 'copyAt' } as Record<string, string>)[key] ?? key,
                unindexed(value),
              ]),
            )
          : filter;
    const byHandler = async (filter: Document) =>
      ids(
        await rows()
          .find(unindexed(filter) as Document)
          .sort({ _id: 1 })
          .toArray(),
      );
    for (const filter of cases) {
      const found = ids(await rows().find(filter).sort({ _id: 1 }).toArray());
      expect({ filter, found }).toEqual({ filter, found: await byHandler(filter) });
    }
    expect(
      ids(
        await rows()
          .find({ tenantId: 'mixed', value: { $lt: 'aA' } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual(['v05', 'v06', 'v07']);
  });

  it('counts exactly, whether the filter is counted in SQL or by the handler', async () => {
    const count = async (query: Document) => (await db.command({ count: 'pages', query })) as { n: number };
    const cases: [Document, number][] = [
      [{}, values.length + 300],
      [{ tenantId: 'log' }, 200],
      [{ tenantId: { $in: ['log', 'other'] } }, 300],
      [{ tenantId: 'mixed', value: 'x"y' }, 1],
      [{ tenantId: 'mixed', value: 'a&b' }, 1],
      [{ tenantId: 'mixed', value: 10 }, 1],
      [{ tenantId: 'mixed', value: null }, 2],
      [{ tenantId: 'log', at: { $lt: new Date('2001-01-01T00:00:00Z') } }, 1],
      [{ tenantId: 'nobody' }, 0],
    ];
    for (const [query, expected] of cases) {
      expect({ query, n: (await count(query)).n }).toEqual({ query, n: expected });
      expect({ query, n: await rows().countDocuments(query) }).toEqual({ query, n: expected });
    }
  });
});
