import { asTenantId } from '@csms/common';
import mongoose from 'mongoose';
import {
  consumptionId,
  ConsumptionRecord,
  ConsumptionRepository,
} from '../../libs/transactions/src/consumptions/consumption.repository';
import { figuresOfPointJson } from '../../libs/transactions/src/consumptions/stored-point';
import { uniqueDatabaseUri } from '../setup/test-database';
import { consumptionRepositoryOn } from '../support/consumption-repository';

const TENANT = asTenantId('default');

function point(transactionId: string, minute: number): ConsumptionRecord {
  return {
    tenantId: TENANT,
    transactionId,
    chargingStationId: 'CS-1',
    connectorId: 1,
    point: { timestamp: new Date(Date.UTC(2026, 0, 1, 10, minute)), cumulatedWh: minute * 100 },
    sampledValues: [],
  };
}

/**
 * A write whose answer is lost (the connection to the database reset after it stored the batch) is
 * retried: the curve must not get its points twice. The database under test is the run's (embedded
 * FerretDB, or MONGODB_URI).
 */
describe('curve points written again are stored once', () => {
  let connection: mongoose.Connection;
  let repository: ConsumptionRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(uniqueDatabaseUri('repeated_writes')).asPromise();
    repository = consumptionRepositoryOn(connection);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('takes a batch written again, whole or with new points among the old, as stored once', async () => {
    await repository.insertBatch([point('tx-1', 0), point('tx-1', 1), point('tx-2', 0)]);
    await repository.insertBatch([point('tx-1', 0), point('tx-1', 1), point('tx-2', 0)]);
    await repository.insertBatch([point('tx-1', 1), point('tx-1', 2), point('tx-2', 0), point('tx-2', 1)]);
    const stored = await connection
      .collection('consumptions')
      .find({}, { projection: { transactionId: 1, pointJson: 1 } })
      .sort({ _id: 1 })
      .toArray();
    const energyOf = (pointJson: string) => figuresOfPointJson(pointJson).cumulatedWh;
    expect(stored.map((doc) => `${doc.transactionId}@${energyOf(doc.pointJson as string)}`).sort()).toEqual([
      'tx-1@0',
      'tx-1@100',
      'tx-1@200',
      'tx-2@0',
      'tx-2@100',
    ]);
    // Ids follow the time of the point, so they sort as the curve does.
    expect(stored.map((doc) => doc._id)).toEqual(
      [...stored].sort((a, b) => String(a._id).localeCompare(String(b._id))).map((doc) => doc._id),
    );
    expect(consumptionId(TENANT, 'tx-1', point('tx-1', 0).point.timestamp)).toMatch(/^[0-9a-f]{24}$/);
  });

  it('still fails a batch that could not be written, so that it is not acknowledged', async () => {
    const closed = await mongoose.createConnection(uniqueDatabaseUri('repeated_writes_closed')).asPromise();
    const unreachable = consumptionRepositoryOn(closed);
    await closed.close();
    await expect(unreachable.insertBatch([point('tx-3', 0)])).rejects.toThrow();
  });
});
