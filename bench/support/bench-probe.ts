/** What a server child reports of its memory, after a full garbage collection when `--expose-gc` is on. */
export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** Whether a GC ran first (the child was started with --expose-gc). */
  collected: boolean;
}

type ProbeHandler = (command: Record<string, unknown>) => unknown;

/**
 * Lets the benchmark ask a server child (started with `ipc: true`) for figures only the child knows, or
 * have it act in-process: `{ type, id, … }` in, `{ replyTo: id, result | error }` out. Commands without
 * an id are fire-and-forget.
 */
export function serveBenchProbe(handlers: Record<string, ProbeHandler>): void {
  if (!process.send) return;
  // The benchmark is gone (it broke, or was interrupted): a server left behind would hold ports and CPU.
  process.once('disconnect', () => process.exit(0));
  const all: Record<string, ProbeHandler> = { memory: () => memorySnapshot(), ...handlers };
  process.on('message', (message: Record<string, unknown>) => {
    const id = message.id;
    const handler = all[String(message.type)];
    void Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown probe command ${String(message.type)}`);
        return handler(message);
      })
      .then(
        (result: unknown) => id !== undefined && process.send?.({ replyTo: id, result }),
        (error: unknown) =>
          id !== undefined &&
          process.send?.({ replyTo: id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
}

export function memorySnapshot(): MemorySnapshot {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass may only make more garbage collectable (weak references, finalizers).
  gc?.();
  gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external, collected: gc !== undefined };
}
