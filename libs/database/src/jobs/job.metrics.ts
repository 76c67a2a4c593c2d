import { CounterSeries, Metrics, SeriesCache } from '@csms/metrics';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobResult } from './job';
import { QueuedJobRepository } from './queued-job.repository';

/**
 * The job queues in Prometheus: runs by queue and outcome, and the backlog (pending and given-up
 * jobs per queue, counted when scraped). No-ops while metrics are off.
 */
@Injectable()
export class JobMetrics implements OnModuleInit {
  private readonly outcomes: SeriesCache<CounterSeries>;

  constructor(
    private readonly metrics: Metrics,
    private readonly jobs: QueuedJobRepository,
  ) {
    this.outcomes = new SeriesCache(
      metrics.counter({
        name: 'csms_jobs_run_total',
        help: 'Job runs by queue and outcome (done, again, retry, failed)',
        labelNames: ['queue', 'outcome'],
      }),
      2,
    );
  }

  onModuleInit(): void {
    this.metrics.gauge({
      name: 'csms_jobs',
      help: 'Persistent jobs by queue and status (PENDING: waiting or backing off; FAILED: given up on), every tenant',
      labelNames: ['queue', 'status'],
      collect: async () =>
        (await this.jobs.countsByQueue()).map(({ queue, status, count }) => ({
          labels: { queue, status },
          value: count,
        })),
    });
  }

  ran(queue: string, outcome: JobResult['outcome']): void {
    this.outcomes.of(queue, outcome).inc();
  }
}
