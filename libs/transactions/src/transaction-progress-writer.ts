import { innerMap, TenantId } from '@csms/common';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { TransactionProgress, TransactionRepository } from './transaction.repository';

/**
 * Reads on this instance overlay the live figures from memory, so this only bounds how stale a
 * list served by another instance may be: a minute, the meter-value interval stations commonly
 * use. Each flush rewrites every open session's document, and on FerretDB an update rewrites the
 * whole document and its six index entries: under 500 stations sending ten MeterValues a second
 * each, a flush every 2 s took a quarter of the database's CPU, and every 10 s still 15 % of it.
 */
export const PROGRESS_FLUSH_INTERVAL_MS = 60_000;

/**
 * Copies the energy so far of open sessions to their transaction documents every minute, off
 * the meter-value path: the consumptions are the durable truth (a session's progress is recovered
 * from its last consumption after a restart), this only keeps lists fresh for other instances.
 * Per-document updates are slow on FerretDB, so they must not hold acknowledgements.
 */
@Injectable()
export class TransactionProgressWriter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TransactionProgressWriter.name);
  /** Per tenant, by session id, the latest progress not yet written. */
  private dirty = new Map<TenantId, Map<string, TransactionProgress>>();
  /** Sessions whose last word (a stop or a close) is being written: no progress for them now. */
  private readonly finishing = new Map<string, Promise<unknown>>();
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(private readonly transactions: TransactionRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), PROGRESS_FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
    await this.flush();
  }

  /** Keeps `progress` (the caller's, not copied) for the next flush, in place of the session's last. */
  mark(tenantId: TenantId, progress: TransactionProgress): void {
    if (this.finishing.size && this.finishing.has(`${tenantId}\u0000${progress.id}`)) return;
    innerMap(this.dirty, tenantId).set(progress.id, progress);
  }

  /**
   * Writes a session's last word (its stop, or its close) with no progress write of it in flight,
   * one at a time per session. FerretDB applies an update by reading the document and writing all
   * of it back, not atomically: a progress flush that read the session before the stop and wrote
   * after it would bring the session back to life (active, without its stop), as a crash test
   * found. On MongoDB each update is atomic and this only orders them.
   */
  async finish<T>(tenantId: TenantId, transactionId: string, write: () => Promise<T>): Promise<T> {
    const key = `${tenantId}\u0000${transactionId}`;
    this.dirty.get(tenantId)?.delete(transactionId);
    const previous = this.finishing.get(key) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        // The flush in flight may hold the session as it was read before this write.
        await this.flushing;
        return write();
      });
    this.finishing.set(key, run);
    try {
      return await run;
    } finally {
      if (this.finishing.get(key) === run) this.finishing.delete(key);
    }
  }

  flush(): Promise<void> {
    if (this.flushing || !this.dirty.size) return this.flushing ?? Promise.resolve();
    const pending = this.dirty;
    this.dirty = new Map();
    this.flushing = Promise.all(
      [...pending].map(([tenantId, sessions]) =>
        this.transactions.writeProgress(tenantId, [...sessions.values()]),
      ),
    )
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'Could not write session progress'))
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }
}
