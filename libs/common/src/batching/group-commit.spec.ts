import { GroupCommit } from './group-commit';

const OPTIONS = { maxItems: 1000, maxDelayMs: 4, inFlight: 2 };

/** A group commit whose batch writes complete only when the test says so. */
function controlledCommit(options = OPTIONS) {
  const batches: string[][] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const commit = new GroupCommit<string>(
    options,
    (items) =>
      new Promise<void>((resolve, reject) => {
        batches.push(items);
        pending.push({ resolve, reject });
      }),
  );
  return { commit, batches, pending };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('GroupCommit', () => {
  it('acknowledges a write only once the batch holding it is stored', async () => {
    const { commit, batches, pending } = controlledCommit();
    let acknowledged = false;
    const write = commit.add([`tx-${1}`]).then(() => (acknowledged = true));
    await tick();
    expect(batches).toHaveLength(1);
    expect(acknowledged).toBe(false);
    pending[0].resolve();
    await write;
    expect(acknowledged).toBe(true);
  });

  it('groups what arrives while two batches are in flight into the next single insert', async () => {
    const { commit, batches, pending } = controlledCommit();
    const first = commit.add([`tx-${1}`]);
    await tick();
    const second = commit.add([`tx-${0}`]);
    await tick();
    expect(batches).toHaveLength(OPTIONS.inFlight);
    const queued = [commit.add([`tx-${2}`]), commit.add([`tx-${3}`, `tx-${4}`]), commit.add([`tx-${5}`])];
    await tick();
    expect(batches).toHaveLength(2);
    pending[0].resolve();
    await first;
    await tick();
    expect(batches).toEqual([['tx-1'], ['tx-0'], ['tx-2', 'tx-3', 'tx-4', 'tx-5']]);
    pending[1].resolve();
    pending[2].resolve();
    await Promise.all([second, ...queued]);
    expect(commit.stats).toMatchObject({ batches: 3, items: 6, largestBatch: 4 });
  });

  it('with one in flight, starts no write before the last is stored, then writes all that waited', async () => {
    const { commit, batches, pending } = controlledCommit({ ...OPTIONS, inFlight: 1 });
    const first = commit.add([`tx-${1}`]);
    await tick();
    const waiting = [commit.add([`tx-${2}`]), commit.add([`tx-${3}`])];
    await tick();
    expect(batches).toEqual([['tx-1']]);
    pending[0].resolve();
    await first;
    await tick();
    expect(batches).toEqual([['tx-1'], ['tx-2', 'tx-3']]);
    pending[1].resolve();
    await Promise.all(waiting);
  });

  it('flushes at once when the batch is full', async () => {
    const { commit, batches, pending } = controlledCommit();
    const writes = Array.from({ length: OPTIONS.maxItems }, (_, n) => commit.add([`tx-${n}`]));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(OPTIONS.maxItems);
    pending[0].resolve();
    await Promise.all(writes);
  });

  it('rejects every write of a failed batch and keeps serving the next ones', async () => {
    const { commit, pending } = controlledCommit();
    const failing = [commit.add([`tx-${1}`]), commit.add([`tx-${2}`])];
    await tick();
    pending[0].reject(new Error('disk full'));
    for (const write of failing) await expect(write).rejects.toThrow('disk full');
    const next = commit.add([`tx-${3}`]);
    await tick();
    pending[1].resolve();
    await expect(next).resolves.toBeUndefined();
  });

  it('writes what is queued before the module shuts down', async () => {
    const { commit, batches, pending } = controlledCommit();
    const write = commit.add([`tx-${1}`]);
    const shutdown = commit.drain();
    await Promise.resolve();
    expect(batches).toHaveLength(1);
    pending[0].resolve();
    await Promise.all([write, shutdown]);
  });
});
