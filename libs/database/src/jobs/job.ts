import { TenantId } from '@csms/common';

/** PENDING: to run at `runAt` (again, after a failure). FAILED: given up on, kept for an operator. */
export type JobStatus = 'PENDING' | 'FAILED';

/**
 * A unit of work stored before it runs (a call to an outside party, a slow recomputation), so that a
 * crash, a restart or the party being down loses nothing. Done jobs are deleted.
 */
export interface Job<P = unknown> {
  id: string;
  tenantId: TenantId;
  queue: string;
  /** Jobs enqueued with a key are single per queue, tenant and key. */
  key?: string;
  payload: P;
  status: JobStatus;
  /** Failed attempts so far. */
  attempts: number;
  runAt: Date;
  createdAt: Date;
  lastError?: string;
  failedAt?: Date;
}

/**
 * What came of running a job. Resolving with nothing, or `done`, deletes it; `again` runs it again
 * at `at` (recurring work, not a failure); `retry` (or a throw) backs off per the handler's policy
 * and gives up once it is spent; `failed` gives up at once (the party refused: retrying cannot help).
 */
export type JobResult =
  | { outcome: 'done' }
  | { outcome: 'again'; at: Date }
  | { outcome: 'retry'; reason: string; at?: Date }
  | { outcome: 'failed'; reason: string };

export interface RetryPolicy {
  /** First back-off, doubled after each further failure… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** Given up after this many failed attempts… */
  maxAttempts: number;
  /** …or once the job is this old, whichever comes first. */
  maxAgeMs?: number;
}

export interface EnqueueOptions {
  /**
   * One job per (queue, tenant, key). Enqueued again while it exists: it runs (once more) after the
   * run in progress, and a job given up on is revived.
   */
  key?: string;
  /** Not before (default: now). */
  runAt?: Date;
}
