import { asTenantId } from '@csms/common';
import { TransactionProgressWriter } from './transaction-progress-writer';
import { TransactionProgress, TransactionRepository } from './transaction.repository';

const TENANT = asTenantId('t1');

/** A repository whose progress writes wait until the test lets them finish. */
function slowRepository() {
  const writes: TransactionProgress[][] = [];
  const waiting: (() => void)[] = [];
  const repository = {
    writeProgress: (_tenantId: unknown, progress: TransactionProgress[]) => {
      writes.push(progress);
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  } as unknown as TransactionRepository;
  return { repository, writes, release: () => waiting.splice(0).forEach((resolve) => resolve()) };
}

const progress = (id: string): TransactionProgress => ({ id, energyWh: 10, lastMeterValueAt: new Date(0) });

describe('TransactionProgressWriter', () => {
  it("writes a session's stop only once the progress flush holding it is written", async () => {
    const { repository, writes, release } = slowRepository();
    const writer = new TransactionProgressWriter(repository);
    writer.mark(TENANT, progress('tx-1'));
    const flush = writer.flush();
    expect(writes).toEqual([[progress('tx-1')]]);

    const order: string[] = [];
    const stop = writer.finish(TENANT, 'tx-1', async () => {
      order.push('stop');
      return 'stopped';
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    order.push('flush written');
    release();
    await flush;
    expect(await stop).toBe('stopped');
    expect(order).toEqual(['flush written', 'stop']);
  });

  it("writes each session's latest progress once, per tenant", async () => {
    const { repository, writes, release } = slowRepository();
    const writer = new TransactionProgressWriter(repository);
    writer.mark(TENANT, progress('tx-1'));
    writer.mark(asTenantId('t2'), progress('tx-1'));
    writer.mark(TENANT, { ...progress('tx-1'), energyWh: 30, lastMeterValueAt: new Date(1000) });
    writer.mark(TENANT, progress('tx-2'));
    const flush = writer.flush();
    release();
    await flush;
    expect(writes).toEqual([
      [{ id: 'tx-1', energyWh: 30, lastMeterValueAt: new Date(1000) }, progress('tx-2')],
      [progress('tx-1')],
    ]);
  });

  it('keeps a finishing session out of later flushes', async () => {
    const { repository, writes, release } = slowRepository();
    const writer = new TransactionProgressWriter(repository);
    writer.mark(TENANT, progress('tx-1'));
    let markedDuringStop = false;
    await writer.finish(TENANT, 'tx-1', async () => {
      writer.mark(TENANT, progress('tx-1'));
      markedDuringStop = true;
    });
    expect(markedDuringStop).toBe(true);
    writer.mark(TENANT, progress('tx-2'));
    const flush = writer.flush();
    release();
    await flush;
    expect(writes).toEqual([[progress('tx-2')]]);
  });

  it('writes the last words of one session one after the other', async () => {
    const writer = new TransactionProgressWriter(slowRepository().repository);
    const order: string[] = [];
    let endFirst: () => void = () => undefined;
    const first = writer.finish(TENANT, 'tx-1', () => {
      order.push('first started');
      return new Promise<void>((resolve) => (endFirst = resolve));
    });
    const second = writer.finish(TENANT, 'tx-1', async () => {
      order.push('second started');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['first started']);
    endFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first started', 'second started']);
  });
});
