import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { MessageRuns } from './message-runs';
import { OcppMessageRecord, OcppMessageRepository } from './ocpp-message.repository';
import { OcppTrafficMetrics } from './ocpp-traffic.metrics';

/** Flush at least this often… */
export const LOG_FLUSH_INTERVAL_MS = 250;
/** …or as soon as this many frames wait. */
export const LOG_BATCH_SIZE = 500;
/** Beyond this backlog (database down) the oldest records are dropped rather than memory grown. */
export const LOG_MAX_BACKLOG = 50_000;

/**
 * Group-commits the OCPP message log: the hot path only appends to an array; one bulk insert per
 * batch writes it. A station's routine calls are folded into runs first (`MessageRuns`), which are
 * written within their window (at most RUN_WINDOW_MAX_MS). The log is diagnostic, so a failed batch
 * is logged and dropped, never retried at the expense of station traffic.
 */
@Injectable()
export class OcppMessageLogWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OcppMessageLogWriter.name);
  private buffer: OcppMessageRecord[] = [];
  private readonly runs = new MessageRuns();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(
    private readonly repository: OcppMessageRepository,
    private readonly traffic: OcppTrafficMetrics,
  ) {}

  record(entry: OcppMessageRecord): void {
    this.traffic.record(entry);
    const { folded, ended } = this.runs.add(entry);
    if (ended) this.append(ended);
    if (!folded) this.append(entry);
    if (this.buffer.length >= LOG_BATCH_SIZE) this.flushRipe();
    else this.timer ??= setTimeout(() => this.flushRipe(), LOG_FLUSH_INTERVAL_MS);
  }

  /**
   * Writes everything recorded so far, open runs included (or only those ripe by `runsRipeBy`, epoch
   * ms); resolves once it is stored (or given up).
   */
  flush(options: { runsRipeBy?: number } = {}): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const run of this.runs.endRipe(options.runsRipeBy)) this.append(run);
    const batch = this.buffer;
    if (batch.length === 0) return this.flushing;
    this.buffer = [];
    this.flushing = this.flushing.then(() => this.write(batch));
    return this.flushing;
  }

  /** Writes what is recorded and the runs old enough; a later round writes the runs still open. */
  private flushRipe(): void {
    void this.flush({ runsRipeBy: Date.now() });
    if (this.runs.size) this.timer ??= setTimeout(() => this.flushRipe(), LOG_FLUSH_INTERVAL_MS);
  }

  private append(entry: OcppMessageRecord): void {
    this.buffer.push(entry);
    if (this.buffer.length > LOG_MAX_BACKLOG) {
      this.buffer.shift();
      this.dropped++;
    }
  }

  private async write(batch: OcppMessageRecord[]): Promise<void> {
    try {
      await this.repository.insertBatch(batch);
    } catch (error) {
      this.dropped += batch.length;
      this.logger.warn(
        { err: error, dropped: this.dropped },
        `OCPP message log: ${batch.length} records lost`,
      );
    }
  }

  /** Before the database connection closes (that happens in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
