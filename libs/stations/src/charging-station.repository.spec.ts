import { TenantId } from '@csms/common';
import { Model } from 'mongoose';
import { ChargingStationRepository, PRESENCE_WRITE_DELAY_MS } from './charging-station.repository';
import { ChargingStationDocument } from './schemas/charging-station.schema';

const TENANT = 'default' as TenantId;

interface FakeModel {
  model: Model<ChargingStationDocument>;
  /** The `$set` of every bulk write's statements, in order. */
  statements: unknown[][];
  /** How many find queries ran. */
  finds: () => number;
}

/** A collection of stations kept in a map; bulk writes apply their `$set` to it. */
function fakeModel(): FakeModel {
  const statements: unknown[][] = [];
  const docs = new Map<string, Record<string, unknown>>([
    [
      'default/CS-1',
      { _id: 'default/CS-1', tenantId: 'default', stationId: 'CS-1', online: false, vendor: 'Old' },
    ],
  ]);
  let finds = 0;
  const model = {
    bulkWrite: (operations: { updateOne: { filter: { _id: string }; update: { $set: object } } }[]) => {
      statements.push(operations.map((operation) => operation.updateOne.update.$set));
      for (const { updateOne } of operations)
        Object.assign(docs.get(updateOne.filter._id) ?? {}, updateOne.update.$set);
      return Promise.resolve();
    },
    create: (doc: Record<string, unknown>) => {
      docs.set(doc._id as string, { ...doc });
      return Promise.resolve({ toObject: () => ({ ...doc }) });
    },
    find: (filter: { _id: { $in: string[] } }) => {
      finds++;
      const found = filter._id.$in.flatMap((id) => (docs.has(id) ? [{ ...docs.get(id) }] : []));
      return { lean: () => ({ exec: () => Promise.resolve(found) }) };
    },
  } as unknown as Model<ChargingStationDocument>;
  return { model, statements, finds: () => finds };
}

describe('ChargingStationRepository presence writes', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fold a disconnection, a reconnection and the boot that follows into one statement', async () => {
    const { model, statements } = fakeModel();
    const repository = new ChargingStationRepository(model);
    const dropped = repository.writePresence(TENANT, 'CS-1', { online: false });
    await jest.advanceTimersByTimeAsync(500);
    const reconnected = repository.writePresence(TENANT, 'CS-1', { online: true, lastSeen: 1 });
    await jest.advanceTimersByTimeAsync(500);
    expect(statements).toEqual([]);
    const booted = repository.write(TENANT, 'CS-1', { vendor: 'V', lastSeen: 2 });
    await jest.advanceTimersByTimeAsync(10);
    await Promise.all([dropped, reconnected, booted]);
    expect(statements).toEqual([[{ online: true, lastSeen: 2, vendor: 'V' }]]);
  });

  it('are stored after the delay when no other write comes, one statement per station', async () => {
    const { model, statements } = fakeModel();
    const repository = new ChargingStationRepository(model);
    let stored = false;
    const written = repository.writePresence(TENANT, 'CS-1', { online: false }).then(() => (stored = true));
    void repository.writePresence(TENANT, 'CS-2', { online: true });
    await jest.advanceTimersByTimeAsync(PRESENCE_WRITE_DELAY_MS - 100);
    expect(stored).toBe(false);
    expect(statements).toEqual([]);
    await jest.advanceTimersByTimeAsync(200);
    await written;
    expect(statements).toEqual([[{ online: false }, { online: true }]]);
  });

  it('are stored at once on shutdown', async () => {
    const { model, statements } = fakeModel();
    const repository = new ChargingStationRepository(model);
    const written = repository.writePresence(TENANT, 'CS-1', { online: false });
    await repository.onModuleDestroy();
    await written;
    expect(statements).toEqual([[{ online: false }]]);
  });

  it('do not wait once shutdown has begun (stations disconnect during the shutdown)', async () => {
    const { model, statements } = fakeModel();
    const repository = new ChargingStationRepository(model);
    await repository.onModuleDestroy();
    const written = repository.writePresence(TENANT, 'CS-1', { online: false });
    await jest.advanceTimersByTimeAsync(10);
    await written;
    expect(statements).toEqual([[{ online: false }]]);
  });

  it('fail their callers when the write fails', async () => {
    const model = {
      bulkWrite: () => Promise.reject(new Error('database down')),
    } as unknown as Model<ChargingStationDocument>;
    const repository = new ChargingStationRepository(model);
    const written = repository.writePresence(TENANT, 'CS-1', { online: false });
    const outcome = written.then(
      () => 'stored',
      (error: Error) => error.message,
    );
    await jest.advanceTimersByTimeAsync(PRESENCE_WRITE_DELAY_MS + 10);
    expect(await outcome).toBe('database down');
  });
});

describe('ChargingStationRepository admission reads', () => {
  it("serve the connecting station's first read, with its waiting presence write applied", async () => {
    const { model, finds } = fakeModel();
    const repository = new ChargingStationRepository(model);
    expect(await repository.credentialsOf(TENANT, 'CS-1')).toEqual({
      passwordHash: undefined,
      pendingPasswordHash: undefined,
      securityProfile: undefined,
    });
    void repository.writePresence(TENANT, 'CS-1', { online: true, lastSeen: new Date() });
    const station = await repository.findByStationId(TENANT, 'CS-1');
    expect(station).toMatchObject({ id: 'CS-1', vendor: 'Old', online: true });
    expect(finds()).toBe(1);
    // Taken once: the next read queries again (after the presence write it waits for).
    expect(await repository.findByStationId(TENANT, 'CS-1')).toMatchObject({ online: true });
    expect(finds()).toBe(2);
  });

  it('never hide a write queued after the read began', async () => {
    const { model, finds } = fakeModel();
    const repository = new ChargingStationRepository(model);
    const admitted = repository.credentialsOf(TENANT, 'CS-1');
    const written = repository.write(TENANT, 'CS-1', { vendor: 'New' });
    await Promise.all([admitted, written]);
    expect(await repository.findByStationId(TENANT, 'CS-1')).toMatchObject({ vendor: 'New' });
    expect(finds()).toBe(2);
  });

  it('are not kept while a write of the station is still queued', async () => {
    const { model, finds } = fakeModel();
    const repository = new ChargingStationRepository(model);
    const written = repository.write(TENANT, 'CS-1', { vendor: 'New' });
    await repository.credentialsOf(TENANT, 'CS-1');
    await written;
    expect(await repository.findByStationId(TENANT, 'CS-1')).toMatchObject({ vendor: 'New' });
    expect(finds()).toBe(2);
  });

  it('serve attempts repeated within their time (refused ones), one read for all', async () => {
    const { model, finds } = fakeModel();
    const repository = new ChargingStationRepository(model);
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await repository.credentialsOf(TENANT, 'CS-1')).not.toBeNull();
      expect(await repository.credentialsOf(TENANT, 'NOBODY')).toBeNull();
    }
    expect(finds()).toBe(2);
    const later = Date.now() + 5001;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(later);
    try {
      await repository.credentialsOf(TENANT, 'CS-1');
      expect(finds()).toBe(3);
    } finally {
      clock.mockRestore();
    }
  });

  it('are dropped by a write of the station, or its creation after it was read as unknown', async () => {
    const { model, finds } = fakeModel();
    const repository = new ChargingStationRepository(model);
    await repository.credentialsOf(TENANT, 'CS-1');
    await repository.write(TENANT, 'CS-1', { vendor: 'New' });
    await repository.credentialsOf(TENANT, 'CS-1');
    expect(finds()).toBe(2);
    expect(await repository.credentialsOf(TENANT, 'CS-NEW')).toBeNull();
    await repository.create(TENANT, 'CS-NEW', {});
    expect(await repository.credentialsOf(TENANT, 'CS-NEW')).not.toBeNull();
    expect(finds()).toBe(4);
  });
});
