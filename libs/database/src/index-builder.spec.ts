import { IndexOptions } from 'mongoose';
import { alsoOnFerretDb, driverOptions, indexesToBuild } from './index-builder';

describe('indexesToBuild', () => {
  const indexes: [Record<string, 1 | -1>, IndexOptions][] = [
    [{ tenantId: 1, stationId: 1 }, { unique: true }],
    [{ tenantId: 1, email: 1 }, { unique: [true, 'email taken'] }],
    [{ tenantId: 1, timestamp: -1 }, {}],
    [{ tenantId: 1, action: 1 }, { unique: false }],
    [{ tenantId: 1, transactionId: 1, timestamp: 1 }, alsoOnFerretDb()],
  ];

  it('builds every index on MongoDB', () => {
    expect(indexesToBuild(indexes, false)).toEqual(indexes);
  });

  it('keeps the unique indexes on FerretDB, and the secondary ones marked as worth their write cost there', () => {
    expect(indexesToBuild(indexes, true).map(([fields]) => fields)).toEqual([
      { tenantId: 1, stationId: 1 },
      { tenantId: 1, email: 1 },
      { tenantId: 1, transactionId: 1, timestamp: 1 },
    ]);
  });

  it('never sends the FerretDB marker to the server', () => {
    expect(driverOptions(alsoOnFerretDb({ name: 'curve' }))).toEqual({ name: 'curve', unique: false });
  });
});
