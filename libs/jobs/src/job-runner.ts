import { hasRole } from '@csms/cluster';
import { APP_CONFIG, AppConfig } from '@csms/common';
import { JobLock, Lease } from '@csms/housekeeping';
import { CounterSeries, Metrics, SeriesCache } from '@csms/metrics';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { backoffDelay, exhausted } from './backoff';
import { Job, JobResult } from './job';
import { JobHandler } from './job-handler';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';
import { JobRepository } from './job.repository';

/** A queue's lease: one instance at a time runs its jobs (a job is never run twice at once). */
const LEASE_TTL_MS = 60_000;

/** One queue's loop and what waits on it. */
interface QueueLoop {
  handler: JobHandler;
  wake?: () => void;
  woken: boolean;
  /** Rounds started; a waiter is satisfied by an empty round started after it came. */
  rounds: number;
  idleWaiters: { after: number; resolve: () => void }[];
  done?: Promise<void>;
}

/**
 * Runs every registered queue on instances with the `worker` role: each queue under its own
 * database lease (the housekeeping lock), so one instance at a time runs it and others take over
 * within a minute when it dies. A round reads the due jobs, runs them, and stores each outcome (done:
 * deleted; again: rescheduled; retry: back-off per the handler's policy, FAILED when it gives up).
 * Idle loops sleep JOBS_POLL_MS, or until a job is enqueued here.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobRunner.name);
  private readonly loops = new Map<string, QueueLoop>();
  private readonly outcomes: SeriesCache<CounterSeries>;
  private stopped = false;
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: JobHandlers,
    private readonly jobs: JobRepository,
    private readonly queue: JobQueue,
    private readonly lock: JobLock,
    private readonly metrics: Metrics,
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

  onApplicationBootstrap(): void {
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
    if (!hasRole(this.config, 'worker')) return;
    this.unsubscribers.push(
      this.queue.onWake((queue) => this.wake(queue)),
      this.handlers.onRegister((handler) => this.start(handler)),
    );
    this.handlers.all().forEach((handler) => this.start(handler));
  }

  private start(handler: JobHandler): void {
    if (this.stopped || this.loops.has(handler.queue)) return;
    const loop: QueueLoop = { handler, woken: false, rounds: 0, idleWaiters: [] };
    this.loops.set(handler.queue, loop);
    loop.done = this.run(loop);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    for (const loop of this.loops.values()) loop.wake?.();
    await Promise.all([...this.loops.values()].map((loop) => loop.done ?? Promise.resolve()));
  }

  /**
   * Resolves once this instance has found none of the queue's jobs due (tests, tools). Only the
   * instance holding the queue's lease gets there.
   */
  whenIdle(queue: string): Promise<void> {
    const loop = this.loops.get(queue);
    if (!loop) return Promise.resolve();
    return new Promise((resolve) => {
      loop.idleWaiters.push({ after: loop.rounds, resolve });
      this.wake(queue);
    });
  }

  private wake(queue: string): void {
    const loop = this.loops.get(queue);
    if (!loop) return;
    loop.woken = true;
    loop.wake?.();
  }

  private async run(loop: QueueLoop): Promise<void> {
    const job = `jobs:${loop.handler.queue}`;
    while (!this.stopped) {
      const lease = await this.lock.acquire(job, LEASE_TTL_MS).catch((error: unknown) => {
        this.logger.warn({ err: error, queue: loop.handler.queue }, 'Job queue lease unavailable');
        return null;
      });
      if (!lease) {
        await this.sleep(loop, this.config.JOBS_POLL_MS);
        continue;
      }
      try {
        await this.work(loop, lease);
      } finally {
        await lease.release().catch(() => undefined);
      }
    }
    loop.idleWaiters.splice(0).forEach((waiter) => waiter.resolve());
  }

  private async work(loop: QueueLoop, lease: Lease): Promise<void> {
    while (!this.stopped && lease.held) {
      loop.woken = false;
      const round = ++loop.rounds;
      const ran = await this.round(loop.handler).catch((error: unknown) => {
        this.logger.error({ err: error, queue: loop.handler.queue }, 'Job round failed');
        return -1;
      });
      if (ran > 0) continue;
      if (ran === 0) this.settleWaiters(loop, round);
      if (loop.woken) continue;
      const next = ran === 0 ? await this.jobs.nextDue(loop.handler.queue).catch(() => undefined) : undefined;
      const untilNext = next ? Math.max(0, next.getTime() - Date.now()) : Number.POSITIVE_INFINITY;
      await this.sleep(loop, Math.min(this.config.JOBS_POLL_MS, untilNext));
    }
  }

  private settleWaiters(loop: QueueLoop, round: number): void {
    const ready = loop.idleWaiters.filter((waiter) => waiter.after < round);
    loop.idleWaiters = loop.idleWaiters.filter((waiter) => waiter.after >= round);
    ready.forEach((waiter) => waiter.resolve());
  }

  private sleep(loop: QueueLoop, ms: number): Promise<void> {
    if (this.stopped || loop.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        loop.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      loop.wake = done;
    });
  }

  /** Runs the due jobs of one round; resolves with how many ran. */
  private async round(handler: JobHandler): Promise<number> {
    const due = await this.jobs.due(handler.queue, new Date(), handler.batchSize);
    if (!due.length) return 0;
    const results = handler.handleRound
      ? await Promise.resolve()
          .then(() => handler.handleRound!(due))
          .catch((error: unknown) => due.map(() => retryOf(error)))
      : await this.handleEach(handler, due);
    await Promise.all(
      due.map((job, index) => this.settle(handler, job, results[index] ?? { outcome: 'done' })),
    );
    return due.length;
  }

  private async handleEach(handler: JobHandler, jobs: Job[]): Promise<(JobResult<unknown> | void)[]> {
    const results: (JobResult<unknown> | void)[] = jobs.map(() => undefined);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length && !this.stopped) {
        const index = next++;
        // A handler that throws before its promise (synchronously) fails its job, not the round.
        results[index] = await Promise.resolve()
          .then(() => handler.handle(jobs[index]))
          .catch((error: unknown) => retryOf(error));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, handler.concurrency) }, worker));
    return results;
  }

  private async settle(handler: JobHandler, job: Job, result: JobResult<unknown> | void): Promise<void> {
    const outcome = result ?? { outcome: 'done' };
    this.outcomes.of(handler.queue, outcome.outcome).inc();
    const now = new Date();
    switch (outcome.outcome) {
      case 'done':
        return this.jobs.remove(job);
      case 'again':
        return this.jobs.reschedule(job, outcome.at, { attempts: 0, payload: outcome.payload });
      case 'failed':
        this.logger.warn(
          { queue: job.queue, jobId: job.id, tenantId: job.tenantId },
          `Job failed: ${outcome.reason}`,
        );
        return this.jobs.fail(job, job.attempts + 1, now, outcome.reason);
      case 'retry': {
        const attempts = job.attempts + 1;
        if (exhausted(handler.retry, attempts, job.createdAt, now)) {
          this.logger.error(
            { queue: job.queue, jobId: job.id, tenantId: job.tenantId, attempts },
            `Job given up after ${attempts} attempts: ${outcome.reason}`,
          );
          return this.jobs.fail(job, attempts, now, outcome.reason);
        }
        const runAt = outcome.at ?? new Date(now.getTime() + backoffDelay(attempts, handler.retry));
        this.logger.warn(
          { queue: job.queue, jobId: job.id, tenantId: job.tenantId, attempts },
          `Job attempt failed (${outcome.reason}); next at ${runAt.toISOString()}`,
        );
        return this.jobs.reschedule(job, runAt, {
          attempts,
          payload: outcome.payload,
          failure: { at: now, error: outcome.reason },
        });
      }
    }
  }
}

function retryOf(error: unknown): JobResult<unknown> {
  return { outcome: 'retry', reason: error instanceof Error ? error.message : String(error) };
}
