export interface GroupCommitOptions {
  /** A batch is written at once when it holds this many items… */
  maxItems: number;
  /** …or this long after its first item arrived, whichever comes first. */
  maxDelayMs: number;
  /**
   * Batches written at once. One makes the biggest batches (fewest writes for the same items); two
   * let the database decode one batch while it stores the other, instead of idling between
   * round-trips, which pays where writes are few and slow rather than many.
   */
  inFlight: number;
}

/** The items queued for one write, and the one promise all their callers wait on. */
class Batch<T> {
  readonly items: T[] = [];
  readonly stored: Promise<void>;
  settle!: { resolve: () => void; reject: (error: unknown) => void };

  constructor() {
    this.stored = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
  }
}

/**
 * Group commit: items from many callers are queued and written together, one database round-trip
 * per batch. Each caller's promise settles when the batch holding its items is written, so nothing
 * is acknowledged before it is stored; a failed batch fails every caller in it. What arrives while
 * `inFlight` batches are being written forms the next batch, in arrival order. The callers of a
 * batch share its promise: per item, a write costs a push, not a promise of its own.
 */
export class GroupCommit<T> {
  private queue?: Batch<T>;
  private timer?: NodeJS.Timeout;
  private readonly writing = new Set<Promise<void>>();
  readonly stats = { batches: 0, items: 0, largestBatch: 0, writeMs: 0 };

  constructor(
    private readonly options: GroupCommitOptions,
    private readonly writeBatch: (items: T[]) => Promise<unknown>,
  ) {}

  add(items: readonly T[]): Promise<void> {
    if (!items.length) return Promise.resolve();
    const batch = (this.queue ??= new Batch<T>());
    for (const item of items) batch.items.push(item);
    if (batch.items.length >= this.options.maxItems) this.kick();
    else this.timer ??= setTimeout(() => this.kick(), this.options.maxDelayMs);
    return batch.stored;
  }

  /** Writes everything queued and waits for it: for shutdown. */
  async drain(): Promise<void> {
    while (this.queue || this.writing.size) {
      this.kick();
      await Promise.allSettled(this.writing);
    }
  }

  private kick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing.size >= this.options.inFlight || !this.queue) return;
    const write = this.flush().finally(() => {
      this.writing.delete(write);
      if (this.queue) this.kick();
    });
    this.writing.add(write);
  }

  private async flush(): Promise<void> {
    const batch = this.queue!;
    this.queue = undefined;
    const { items } = batch;
    try {
      const started = performance.now();
      await this.writeBatch(items);
      this.stats.writeMs += performance.now() - started;
      this.stats.batches += 1;
      this.stats.items += items.length;
      this.stats.largestBatch = Math.max(this.stats.largestBatch, items.length);
      batch.settle.resolve();
    } catch (error) {
      batch.settle.reject(error);
    }
  }
}
