import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedDatabase, EmbeddedDatabaseExit, EmbeddedDatabaseOptions } from './embedded-database';

export interface SupervisionBackoff {
  /** Wait before the first restart; doubled after each failed one. */
  initialMs: number;
  maxMs: number;
  /** A server that ran this long died by itself, not of its start: the back-off starts over. */
  stableMs: number;
}

export const DEFAULT_SUPERVISION_BACKOFF: SupervisionBackoff = {
  initialMs: 500,
  maxMs: 30_000,
  stableMs: 60_000,
};

/** What supervision reports, for the owner to log (loudly: a database that dies is news). */
export type SupervisionEvent =
  | { type: 'died'; exit: EmbeddedDatabaseExit; restartInMs: number; attempt: number }
  | { type: 'restart-failed'; error: Error; restartInMs: number; attempt: number }
  | { type: 'restarted'; pid: number | undefined; attempts: number; downMs: number };

export interface SupervisorOptions extends EmbeddedDatabaseOptions {
  backoff?: SupervisionBackoff;
  onEvent: (event: SupervisionEvent) => void;
}

/**
 * The embedded database, kept running: when its process dies (killed, crashed), it is started again
 * on the same port and data, after a back-off that grows while restarts fail. Clients reconnect by
 * themselves (the MongoDB driver keeps trying the same address). stop() ends supervision first.
 */
export class EmbeddedDatabaseSupervisor {
  private current: EmbeddedDatabase;
  private stopped = false;
  private readonly watching: Promise<void>;
  private wake?: () => void;

  private constructor(
    first: EmbeddedDatabase,
    private readonly options: SupervisorOptions & { backoff: SupervisionBackoff },
  ) {
    this.current = first;
    this.watching = this.watch();
  }

  /** Starts the server; a first start that fails throws, as the application cannot run without it. */
  static async start(options: SupervisorOptions): Promise<EmbeddedDatabaseSupervisor> {
    const first = await EmbeddedDatabase.start(options);
    return new EmbeddedDatabaseSupervisor(first, {
      ...options,
      port: first.port,
      backoff: options.backoff ?? DEFAULT_SUPERVISION_BACKOFF,
    });
  }

  get kind(): EmbeddedDatabase['kind'] {
    return this.current.kind;
  }

  get uri(): string {
    return this.current.uri;
  }

  get pid(): number | undefined {
    return this.current.pid;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.current.stop();
    await this.watching;
  }

  private async watch(): Promise<void> {
    const { initialMs, maxMs, stableMs } = this.options.backoff;
    // Grows while the server keeps dying soon after each start; a server that lived long resets it.
    let delayMs = initialMs;
    for (;;) {
      const startedAt = Date.now();
      const exit = await this.current.exited;
      if (this.stopped || !exit.unexpected) return;
      const diedAt = Date.now();
      if (diedAt - startedAt >= stableMs) delayMs = initialMs;
      let attempt = 1;
      this.options.onEvent({ type: 'died', exit, restartInMs: delayMs, attempt });
      for (;;) {
        await this.pause(delayMs);
        if (this.stopped) return;
        delayMs = Math.min(delayMs * 2, maxMs);
        try {
          this.current = await EmbeddedDatabase.start(this.options);
          if (this.stopped) return await this.current.stop();
        } catch (error) {
          attempt += 1;
          this.options.onEvent({
            type: 'restart-failed',
            error: error as Error,
            restartInMs: delayMs,
            attempt,
          });
          continue;
        }
        const downMs = Date.now() - diedAt;
        this.options.onEvent({ type: 'restarted', pid: this.current.pid, attempts: attempt, downMs });
        break;
      }
    }
  }

  /** Waits, unless stop() comes first. */
  private async pause(ms: number): Promise<void> {
    const abort = new AbortController();
    this.wake = () => abort.abort();
    await sleep(ms, undefined, { signal: abort.signal }).catch(() => undefined);
    this.wake = undefined;
  }
}
