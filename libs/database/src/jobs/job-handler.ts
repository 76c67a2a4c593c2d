import { Job, JobResult, RetryPolicy } from './job';

/** About a day of attempts, at most one every ten minutes: an outside party down for a while. */
export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 2000,
  maxDelayMs: 600_000,
  maxAttempts: 150,
  maxAgeMs: 24 * 3_600_000,
};

/**
 * Runs the jobs of one queue. A provider registers itself with JobHandlers (onModuleInit); JobRunner
 * runs its queue on one instance at a time.
 */
export abstract class JobHandler<P = unknown> {
  abstract readonly queue: string;
  /** Due jobs read per round. */
  readonly roundSize: number = 50;
  /** Of a round's due jobs, how many run at once (1: strictly one after the other). */
  readonly concurrency: number = 4;
  readonly retry: RetryPolicy = DEFAULT_RETRY;

  /** Runs one job: resolving with nothing means done, throwing means retry. */
  abstract handle(job: Job<P>): Promise<JobResult | void>;

  /**
   * Optional: runs a round's jobs together, so they share their work (one recomputation for many
   * jobs), resolving with one result per job, in order; throwing retries them all. Without it,
   * `handle` runs for each job, `concurrency` at a time.
   */
  handleRound?(jobs: Job<P>[]): Promise<(JobResult | void)[]>;
}
