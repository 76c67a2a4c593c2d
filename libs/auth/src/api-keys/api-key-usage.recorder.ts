import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ApiKeyRepository, ApiKeyUse } from './api-key.repository';

/** A key's last use reaches the database within this time; a busy key costs one write per period. */
export const USAGE_FLUSH_MS = 2_000;

/**
 * Last use time and address of each key, kept off the request path: uses are merged in memory (the
 * latest per key) and written in one bulk write every USAGE_FLUSH_MS, and at shutdown.
 */
@Injectable()
export class ApiKeyUsageRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ApiKeyUsageRecorder.name);
  private pending = new Map<string, ApiKeyUse>();
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly keys: ApiKeyRepository) {}

  record(use: ApiKeyUse): void {
    this.pending.set(`${use.tenantId}\u0000${use.id}`, use);
    this.timer ??= setTimeout(() => void this.flush(), USAGE_FLUSH_MS).unref();
  }

  /** Writes what was recorded so far; resolves once stored (or given up, logged). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const uses = [...this.pending.values()];
    this.pending = new Map();
    this.writing = this.writing.then(() =>
      this.keys
        .recordUses(uses)
        .catch((error: unknown) =>
          this.logger.warn({ err: error, keys: uses.length }, 'Could not record API key uses'),
        ),
    );
    return this.writing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
