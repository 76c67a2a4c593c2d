import { TenantId } from '@csms/common';

/** PENDING: to run at `runAt` (again, after a failure). FAILED: given up on, kept for an operator. */
export type JobStatus = 'PENDING' | 'FAILED';

/**
 * A unit of work for an outside party or a slow recomputation, stored before it runs so that a
 * crash, a restart or the party being down loses nothing. Done jobs are deleted.
 */
export interface Job<P = unknown> {
  id: string;
  tenantId: TenantId;
  queue: string;
  /** Set for jobs enqueued with a key: at most one such job per queue, tenant and key exists. */
  key?: string;
  payload: P;
  status: JobStatus;
  /** Failed attempts so far (reset when a job is scheduled `again`). */
  attempts: number;
  runAt: Date;
  createdAt: Date;
  lastAttemptAt?: Date;
  lastError?: string;
  failedAt?: Date;
}

/**
 * What came of running a job:
 * - `done`: deleted.
 * - `again`: recurring work (a status to follow, a value to read every few minutes): runs again at
 *   `at`, not counted as a failure; `payload` replaces the stored one when given.
 * - `retry`: it failed in a way worth trying again (the party is down): back-off, then FAILED once the
 *   handler's policy gives up. Throwing means the same.
 * - `failed`: it cannot succeed (the party refused it): FAILED at once, with the reason.
 */
export type JobResult<P = never> =
  | { outcome: 'done' }
  | { outcome: 'again'; at: Date; payload?: P }
  | { outcome: 'retry'; reason: string; at?: Date; payload?: P }
  | { outcome: 'failed'; reason: string };

export interface RetryPolicy {
  /** First back-off; doubled after each further failure… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** Given up after this many failed attempts… */
  maxAttempts: number;
  /** …or when the job is older than this (whichever comes first). */
  maxAgeMs?: number;
}

export interface EnqueueOptions {
  /** One job per (queue, tenant, key): enqueueing it again while it exists does nothing. */
  key?: string;
  /** Not before (default: now). */
  runAt?: Date;
}
