import { ConcurrencyLimit } from './concurrency-limit';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('runs at most `limit` tasks at once and starts the others in arrival order', async () => {
    const limit = new ConcurrencyLimit(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, n) =>
      limit.run(async () => {
        started.push(n);
        await gate.promise;
        return n;
      }),
    );
    const settled = Promise.allSettled(runs);
    await turn();
    expect(started).toEqual([0, 1]);
    expect(limit.load).toEqual({ running: 2, waiting: 2 });
    gates[1].resolve();
    await turn();
    expect(started).toEqual([0, 1, 2]);
    gates[0].reject(new Error('failed'));
    await turn();
    expect(started).toEqual([0, 1, 2, 3]);
    gates[2].resolve();
    gates[3].resolve();
    await expect(settled).resolves.toEqual([
      { status: 'rejected', reason: new Error('failed') },
      { status: 'fulfilled', value: 1 },
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 3 },
    ]);
    expect(limit.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gives the slot of a task that throws before it returns to the next in line, and rejects with its error', async () => {
    const limit = new ConcurrencyLimit(1);
    const gate = deferred();
    const first = limit.run(() => gate.promise);
    const throwing = limit.run((): Promise<void> => {
      throw new Error('dropped');
    });
    const third = limit.run(async () => 'third');
    expect(limit.load).toEqual({ running: 1, waiting: 2 });
    gate.resolve();
    await expect(first).resolves.toBeUndefined();
    await expect(throwing).rejects.toThrow('dropped');
    await expect(third).resolves.toBe('third');
    expect(limit.load).toEqual({ running: 0, waiting: 0 });
  });
});
