/** Exponential back-off: base × 2^(failures − 1), at most `max` (failures counts from 1). */
export function backoffDelay(failures: number, baseMs: number, maxMs: number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(baseMs * 2 ** exponent, maxMs);
}
