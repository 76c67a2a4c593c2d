import { APP_CONFIG, AppConfig } from '@csms/common';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { backoffDelay, givenUp } from './backoff';
import { Job, JobResult } from './job';
import { JobHandler } from './job-handler';
import { JobHandlers } from './job-handlers';
import { JobLease, JobLeases } from './job-leases';
import { JobMetrics } from './job.metrics';
import { JobQueue } from './job-queue';
import { QueuedJobRepository } from './queued-job.repository';

/** A queue's lease: one instance at a time runs it, so a job never runs twice at once. */
const LEASE_TTL_MS = 60_000;

/** Held for ever: an instance without a lease provider runs every queue itself. */
const SOLE_INSTANCE: JobLease = { keep: () => Promise.resolve(true), release: () => Promise.resolve() };

interface QueueLoop {
  handler: JobHandler;
  woken: boolean;
  wake?: () => void;
  /** Asleep with the queue's lease held, until a job comes due: what the shared poll reads for. */
  idle: boolean;
  /** Wakes the queue when the job the poll found comes due. */
  dueTimer?: NodeJS.Timeout;
  /** Rounds started; a waiter is satisfied by a round that started after it came and found nothing due. */
  rounds: number;
  idleWaiters: { after: number; resolve: () => void }[];
  done?: Promise<void>;
}

function retryOf(error: unknown): JobResult {
  return { outcome: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs every registered queue on instances with the `worker` role, each under its own lease (the
 * housekeeping lock), so another instance takes over within a minute when the holder dies. A round
 * reads the due jobs, runs them (`concurrency` at a time) and stores each outcome. An idle queue
 * sleeps until a job is enqueued here or comes due: every JOBS_POLL_MS, one read for all idle queues
 * finds the jobs other instances stored, or that come due before the next poll.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobRunner.name);
  private readonly loops = new Map<string, QueueLoop>();
  private readonly unsubscribers: (() => void)[] = [];
  private pollTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: JobHandlers,
    private readonly jobs: QueuedJobRepository,
    private readonly queue: JobQueue,
    private readonly metrics: JobMetrics,
    @Optional() private readonly leases?: JobLeases,
  ) {}

  onApplicationBootstrap(): void {
    const roles = this.config.SERVER_ROLES;
    if (!roles.includes('all') && !roles.includes('worker')) return;
    this.unsubscribers.push(
      this.queue.onWake((queue) => this.wake(queue)),
      this.handlers.onRegister((handler) => this.start(handler)),
    );
    this.handlers.all().forEach((handler) => this.start(handler));
    this.schedulePoll();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    for (const loop of this.loops.values()) {
      clearTimeout(loop.dueTimer);
      loop.wake?.();
    }
    await Promise.all([...this.loops.values()].map((loop) => loop.done ?? Promise.resolve()));
  }

  /**
   * Resolves once this instance found none of the queue's jobs due (tests, tools); only the instance
   * holding the queue's lease gets there.
   */
  whenIdle(queue: string): Promise<void> {
    const loop = this.loops.get(queue);
    if (!loop) return Promise.resolve();
    return new Promise((resolve) => {
      loop.idleWaiters.push({ after: loop.rounds, resolve });
      this.wake(queue);
    });
  }

  private start(handler: JobHandler): void {
    if (this.stopped || this.loops.has(handler.queue)) return;
    const loop: QueueLoop = { handler, woken: false, idle: false, rounds: 0, idleWaiters: [] };
    this.loops.set(handler.queue, loop);
    loop.done = this.run(loop);
  }

  private wake(queue: string): void {
    const loop = this.loops.get(queue);
    if (!loop) return;
    loop.woken = true;
    loop.wake?.();
  }

  private async run(loop: QueueLoop): Promise<void> {
    while (!this.stopped) {
      const lease = await this.acquire(loop.handler.queue);
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

  private async acquire(queue: string): Promise<JobLease | null> {
    if (!this.leases) return SOLE_INSTANCE;
    return this.leases.acquire(`jobs:${queue}`, LEASE_TTL_MS).catch((error: unknown) => {
      this.logger.warn({ err: error, queue }, 'Job queue lease unavailable');
      return null;
    });
  }

  private async work(loop: QueueLoop, lease: JobLease): Promise<void> {
    // Whether a round may find jobs due: after one that ran jobs, or a wake-up.
    let mayBeDue = true;
    while (!this.stopped && (await lease.keep())) {
      if (!mayBeDue && !loop.woken) {
        // Up to a poll at a time, to keep the lease; the poll wakes it sooner.
        loop.idle = true;
        await this.sleep(loop, this.config.JOBS_POLL_MS);
        loop.idle = false;
        continue;
      }
      loop.woken = false;
      const round = ++loop.rounds;
      const ran = await this.round(loop.handler).catch((error: unknown) => {
        this.logger.error({ err: error, queue: loop.handler.queue }, 'Job round failed');
        return -1;
      });
      if (ran === 0) this.settleWaiters(loop, round);
      mayBeDue = ran > 0;
      if (ran < 0) {
        // A failed round is tried again a poll later, not at once.
        await this.sleep(loop, this.config.JOBS_POLL_MS);
        mayBeDue = true;
      }
    }
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.pollTimer = setTimeout(
      () => void this.poll().finally(() => this.schedulePoll()),
      this.config.JOBS_POLL_MS,
    );
  }

  /**
   * One read for every idle queue: each is woken when its next job comes due, if that is before the
   * next poll. (A queue at work reads its own due jobs.) Where each idle queue read its own next job
   * every poll, the reads grew with the queues, and came in bursts beside the meter values' writes.
   */
  private async poll(): Promise<void> {
    const idle = [...this.loops.values()].filter((loop) => loop.idle);
    if (!idle.length) return;
    const pollEnd = new Date(Date.now() + this.config.JOBS_POLL_MS);
    const queues = idle.map((loop) => loop.handler.queue);
    const nextDue = await this.jobs.nextDueOf(queues, pollEnd).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'Job poll failed');
      return new Map<string, Date>();
    });
    for (const loop of idle) {
      const at = nextDue.get(loop.handler.queue);
      if (!at) continue;
      clearTimeout(loop.dueTimer);
      const queue = loop.handler.queue;
      loop.dueTimer = setTimeout(() => this.wake(queue), Math.max(0, at.getTime() - Date.now()));
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
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        loop.wake = undefined;
        resolve();
      }
      loop.wake = done;
    });
  }

  /** Runs one round's due jobs; resolves with how many there were. */
  private async round(handler: JobHandler): Promise<number> {
    const due = await this.jobs.due(handler.queue, new Date(), handler.roundSize);
    if (!due.length) return 0;
    if (!handler.handleRound) {
      await this.handleEach(handler, due);
      return due.length;
    }
    const results = await Promise.resolve()
      .then(() => handler.handleRound!(due))
      .catch((error: unknown) => due.map(() => retryOf(error)));
    await Promise.all(
      due.map((job, index) => this.settle(handler, job, results[index] ?? { outcome: 'done' })),
    );
    return due.length;
  }

  private async handleEach(handler: JobHandler, due: Job[]): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < due.length && !this.stopped) {
        const job = due[next++];
        // A handler that throws synchronously fails its job, not the round.
        const result = await Promise.resolve()
          .then(() => handler.handle(job))
          .catch((error: unknown) => retryOf(error));
        await this.settle(handler, job, result ?? { outcome: 'done' });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, handler.concurrency) }, worker));
  }

  private async settle(handler: JobHandler, job: Job, result: JobResult): Promise<void> {
    const now = new Date();
    const context = { queue: job.queue, jobId: job.id, tenantId: job.tenantId };
    this.metrics.ran(job.queue, result.outcome);
    switch (result.outcome) {
      case 'done':
        return this.jobs.complete(job);
      case 'again':
        return this.jobs.again(job, result.at);
      case 'failed':
        this.logger.warn(context, `Job failed: ${result.reason}`);
        return this.jobs.fail(job, job.attempts + 1, now, result.reason);
      case 'retry': {
        const attempts = job.attempts + 1;
        if (givenUp(handler.retry, attempts, job.createdAt, now)) {
          this.logger.error(
            { ...context, attempts },
            `Job given up after ${attempts} attempts: ${result.reason}`,
          );
          return this.jobs.fail(job, attempts, now, result.reason);
        }
        const runAt = result.at ?? new Date(now.getTime() + backoffDelay(attempts, handler.retry));
        this.logger.warn(
          { ...context, attempts },
          `Job attempt failed (${result.reason}); next at ${runAt.toISOString()}`,
        );
        return this.jobs.reschedule(job, runAt, attempts, result.reason);
      }
    }
  }
}
