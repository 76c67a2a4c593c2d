import { EventBus } from '@csms/events';
import { JobQueue, JobRunner } from '@csms/database';
import { TRANSACTION_STOPPED, TransactionEvent } from '@csms/transactions';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { STATISTICS_QUEUE, SessionStoppedJob } from './statistics-rollup.service';

/**
 * A session that stops (again, when a late StopTransaction corrects one closed by housekeeping)
 * becomes a job of the statistics queue, off the station's path: once in the cluster, on the
 * instance that published it.
 */
@Injectable()
export class SessionEndedListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionEndedListener.name);
  private unsubscribe?: () => void;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly events: EventBus,
    private readonly queue: JobQueue,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn<TransactionEvent>(TRANSACTION_STOPPED, (event) => {
      const job: SessionStoppedJob = { transactionId: event.payload.id };
      const enqueued = this.queue
        .enqueue(event.tenantId, STATISTICS_QUEUE, job)
        .catch((error: unknown) =>
          this.logger.error({ err: error, transactionId: job.transactionId }, 'Could not queue statistics'),
        );
      this.pending.add(enqueued);
      void enqueued.finally(() => this.pending.delete(enqueued));
    });
  }

  /** Before the database closes: sessions stopped just before shutdown are queued. */
  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await Promise.all([...this.pending]);
  }

  /** Resolves when the sessions stopped so far are counted (tests). */
  async whenIdle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
    await this.runner.whenIdle(STATISTICS_QUEUE);
  }
}
