import { asTenantId } from '@csms/common';
import { BATCH_MAX_ITEMS, BATCHES_IN_FLIGHT, ConsumptionBatchWriter } from './consumption-batch-writer';
import { ConsumptionRecord, ConsumptionRepository } from './consumption.repository';

const record = (n: number): ConsumptionRecord => ({
  tenantId: asTenantId('default'),
  transactionId: `tx-${n}`,
  chargingStationId: 'CS',
  connectorId: 1,
  point: { timestamp: new Date(n), cumulatedWh: n },
  sampledValues: [],
});

/** A repository whose inserts complete only when the test says so. */
function controlledRepository() {
  const batches: ConsumptionRecord[][] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const repository = {
    insertBatch: (records: ConsumptionRecord[]) =>
      new Promise<void>((resolve, reject) => {
        batches.push(records);
        pending.push({ resolve, reject });
      }),
  } as unknown as ConsumptionRepository;
  return { repository, batches, pending };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('ConsumptionBatchWriter', () => {
  it('acknowledges a write only once the batch holding it is stored', async () => {
    const { repository, batches, pending } = controlledRepository();
    const writer = new ConsumptionBatchWriter(repository);
    let acknowledged = false;
    const write = writer.write([record(1)]).then(() => (acknowledged = true));
    await tick();
    expect(batches).toHaveLength(1);
    expect(acknowledged).toBe(false);
    pending[0].resolve();
    await write;
    expect(acknowledged).toBe(true);
  });

  it('groups what arrives while two batches are in flight into the next single insert', async () => {
    const { repository, batches, pending } = controlledRepository();
    const writer = new ConsumptionBatchWriter(repository);
    const first = writer.write([record(1)]);
    await tick();
    const second = writer.write([record(0)]);
    await tick();
    expect(batches).toHaveLength(BATCHES_IN_FLIGHT);
    const queued = [
      writer.write([record(2)]),
      writer.write([record(3), record(4)]),
      writer.write([record(5)]),
    ];
    await tick();
    expect(batches).toHaveLength(2);
    pending[0].resolve();
    await first;
    await tick();
    expect(batches.map((batch) => batch.map((item) => item.transactionId))).toEqual([
      ['tx-1'],
      ['tx-0'],
      ['tx-2', 'tx-3', 'tx-4', 'tx-5'],
    ]);
    pending[1].resolve();
    pending[2].resolve();
    await Promise.all([second, ...queued]);
    expect(writer.stats).toMatchObject({ batches: 3, records: 6, largestBatch: 4 });
  });

  it('flushes at once when the batch is full', async () => {
    const { repository, batches, pending } = controlledRepository();
    const writer = new ConsumptionBatchWriter(repository);
    const writes = Array.from({ length: BATCH_MAX_ITEMS }, (_, n) => writer.write([record(n)]));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(BATCH_MAX_ITEMS);
    pending[0].resolve();
    await Promise.all(writes);
  });

  it('rejects every write of a failed batch and keeps serving the next ones', async () => {
    const { repository, pending } = controlledRepository();
    const writer = new ConsumptionBatchWriter(repository);
    const failing = [writer.write([record(1)]), writer.write([record(2)])];
    await tick();
    pending[0].reject(new Error('disk full'));
    for (const write of failing) await expect(write).rejects.toThrow('disk full');
    const next = writer.write([record(3)]);
    await tick();
    pending[1].resolve();
    await expect(next).resolves.toBeUndefined();
  });

  it('writes what is queued before the module shuts down', async () => {
    const { repository, batches, pending } = controlledRepository();
    const writer = new ConsumptionBatchWriter(repository);
    const write = writer.write([record(1)]);
    const shutdown = writer.onModuleDestroy();
    await Promise.resolve();
    expect(batches).toHaveLength(1);
    pending[0].resolve();
    await Promise.all([write, shutdown]);
  });
});
