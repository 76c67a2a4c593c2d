import { Job, JobResult, RetryPolicy } from './job';

/** A day of retries, one attempt at most every ten minutes: an outside party down for a while. */
export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 2000,
  maxDelayMs: 600_000,
  maxAttempts: 200,
  maxAgeMs: 24 * 3_600_000,
};

/**
 * Runs the jobs of one queue. A Nest provider that registers itself with JobHandlers at start-up;
 * JobRunner runs it on one instance at a time (a database lease per queue), on instances with the
 * `worker` role.
 */
export abstract class JobHandler<P = unknown> {
  abstract readonly queue: string;
  /** Due jobs read per round. */
  readonly batchSize: number = 20;
  /** Of a round's jobs, how many run at once (handle, not handleRound). */
  readonly concurrency: number = 4;
  readonly retry: RetryPolicy = DEFAULT_RETRY;

  /** Runs one job; resolving with nothing means done, throwing means retry. */
  abstract handle(job: Job<P>): Promise<JobResult<P> | void>;

  /**
   * Runs a round's jobs together (to coalesce them), returning one result per job in order. The
   * default runs `handle` for each, `concurrency` at a time.
   */
  handleRound?(jobs: Job<P>[]): Promise<(JobResult<P> | void)[]>;
}
