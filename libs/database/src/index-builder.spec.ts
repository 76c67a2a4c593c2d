import { IndexOptions } from 'mongoose';
import { indexesToBuild } from './index-builder';

describe('indexesToBuild', () => {
  const indexes: [Record<string, 1 | -1>, IndexOptions][] = [
    [{ tenantId: 1, stationId: 1 }, { unique: true }],
    [{ tenantId: 1, email: 1 }, { unique: [true, 'email taken'] }],
    [{ tenantId: 1, timestamp: -1 }, {}],
    [{ tenantId: 1, action: 1 }, { unique: false }],
  ];

  it('builds every index on MongoDB', () => {
    expect(indexesToBuild(indexes, false)).toEqual(indexes);
  });

  it('keeps only the unique indexes on FerretDB, where secondary indexes serve no query', () => {
    expect(indexesToBuild(indexes, true).map(([fields]) => fields)).toEqual([
      { tenantId: 1, stationId: 1 },
      { tenantId: 1, email: 1 },
    ]);
  });
});
