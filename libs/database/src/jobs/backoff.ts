import { RetryPolicy } from './job';

/** Exponential back-off: base × 2^(failures − 1), capped (failures counts from 1). */
export function backoffDelay(
  failures: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

/** Whether a job created at `createdAt` that has now failed `failures` times is given up on. */
export function givenUp(policy: RetryPolicy, failures: number, createdAt: Date, now: Date): boolean {
  if (failures >= policy.maxAttempts) return true;
  return policy.maxAgeMs !== undefined && now.getTime() - createdAt.getTime() >= policy.maxAgeMs;
}
