import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConsumptionRecord, ConsumptionRepository } from './consumption.repository';

interface PendingWrite {
  records: ConsumptionRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Flush when this many points are queued, or this long after the first one, whichever comes first. */
export const BATCH_MAX_ITEMS = 1000;
export const BATCH_MAX_DELAY_MS = 4;
/**
 * Batches written at once: with two, the database decodes and encodes one batch while it stores the
 * other, instead of idling between round-trips.
 */
export const BATCHES_IN_FLIGHT = 2;

/**
 * Group commit for the meter-value hot path: points from all stations are queued and written with
 * one insertMany per batch; each caller's promise settles when the batch holding its points is
 * written, so a station is only acknowledged for what is kept. Up to BATCHES_IN_FLIGHT batches are
 * written at a time; what arrives meanwhile forms the next one.
 */
@Injectable()
export class ConsumptionBatchWriter implements OnModuleDestroy {
  private queue: PendingWrite[] = [];
  private queuedRecords = 0;
  private timer?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();
  readonly stats = { batches: 0, records: 0, largestBatch: 0, writeMs: 0 };

  constructor(private readonly consumptions: ConsumptionRepository) {}

  write(records: ConsumptionRecord[]): Promise<void> {
    if (!records.length) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      this.queuedRecords += records.length;
      if (this.queuedRecords >= BATCH_MAX_ITEMS) this.kick();
      else this.timer ??= setTimeout(() => this.kick(), BATCH_MAX_DELAY_MS);
    });
  }

  async onModuleDestroy(): Promise<void> {
    while (this.queue.length || this.inFlight.size) {
      this.kick();
      await Promise.all(this.inFlight);
    }
  }

  private kick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight.size >= BATCHES_IN_FLIGHT || !this.queue.length) return;
    const flushing = this.flush().finally(() => {
      this.inFlight.delete(flushing);
      if (this.queue.length) this.kick();
    });
    this.inFlight.add(flushing);
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.queuedRecords = 0;
    try {
      const records = batch.flatMap((pending) => pending.records);
      const started = performance.now();
      await this.consumptions.insertBatch(records);
      this.stats.writeMs += performance.now() - started;
      this.stats.batches += 1;
      this.stats.records += records.length;
      this.stats.largestBatch = Math.max(this.stats.largestBatch, records.length);
      batch.forEach((pending) => pending.resolve());
    } catch (error) {
      batch.forEach((pending) => pending.reject(error));
    }
  }
}
