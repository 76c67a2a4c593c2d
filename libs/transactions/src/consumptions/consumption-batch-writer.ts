import { GroupCommit } from '@csms/common';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConsumptionRecord, ConsumptionRepository } from './consumption.repository';

/**
 * Group commit for the meter-value hot path: points from all stations are written with one
 * insertMany per batch (up to 1,000 points, 4 ms after the first), and a station is acknowledged
 * only once its points are stored. One batch at a time, as the durable floor writes: what arrives
 * during a write is the next batch, so under load batches grow instead of writes multiplying, and
 * both the driver and the database pay their per-write cost fewer times (issue #26: CPU per
 * MeterValues about a fifth lower than with two in flight, on the server and in the database).
 */
@Injectable()
export class ConsumptionBatchWriter implements OnModuleDestroy {
  private readonly commit = new GroupCommit<ConsumptionRecord>(
    { maxItems: 1000, maxDelayMs: 4, inFlight: 1 },
    (records) => this.consumptions.insertBatch(records),
  );

  constructor(private readonly consumptions: ConsumptionRepository) {}

  /** Batches and points written so far. */
  get stats(): GroupCommit<ConsumptionRecord>['stats'] {
    return this.commit.stats;
  }

  write(records: ConsumptionRecord[]): Promise<void> {
    return this.commit.add(records);
  }

  onModuleDestroy(): Promise<void> {
    return this.commit.drain();
  }
}
