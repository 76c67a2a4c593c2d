/**
 * Runs at most one task per key at a time. A task asked for while one runs for the same key is
 * not queued beside it: the running one is simply run once more when it ends, so a burst of
 * requests costs at most two runs.
 */
export class PerKeySerializer {
  private readonly running = new Map<string, { again: boolean }>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown, key: string) => void) {}

  run(key: string, task: () => Promise<void>): void {
    const current = this.running.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false };
    this.running.set(key, state);
    const done = (async () => {
      try {
        do {
          state.again = false;
          await task().catch((error: unknown) => this.onError(error, key));
        } while (state.again);
      } finally {
        this.running.delete(key);
      }
    })();
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  /** Resolves once no task runs. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
