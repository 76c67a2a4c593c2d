import { PerKeySerializer } from './per-key-serializer';

function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('PerKeySerializer', () => {
  it('runs one task per key at a time and runs it once more for requests made meanwhile', async () => {
    const serializer = new PerKeySerializer(() => undefined);
    const first = gate();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const task = async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs++;
      if (runs === 1) await first.opened;
      running--;
    };
    serializer.run('a', task);
    serializer.run('a', task);
    serializer.run('a', task);
    first.open();
    await serializer.idle();
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it('runs different keys side by side', async () => {
    const serializer = new PerKeySerializer(() => undefined);
    const blocker = gate();
    const order: string[] = [];
    serializer.run('a', async () => {
      await blocker.opened;
      order.push('a');
    });
    serializer.run('b', async () => {
      order.push('b');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['b']);
    blocker.open();
    await serializer.idle();
    expect(order).toEqual(['b', 'a']);
  });

  it('reports a failing task and keeps serving the key', async () => {
    const errors: string[] = [];
    const serializer = new PerKeySerializer((error, key) =>
      errors.push(`${key}: ${(error as Error).message}`),
    );
    serializer.run('a', () => Promise.reject(new Error('boom')));
    await serializer.idle();
    let ran = false;
    serializer.run('a', async () => {
      ran = true;
    });
    await serializer.idle();
    expect(errors).toEqual(['a: boom']);
    expect(ran).toBe(true);
  });
});
