/**
 * Per API key request limits, as a generic cell rate algorithm: `limit` requests per minute, all of
 * them at once if need be, then one every 60/limit seconds. The state per key is one number: the
 * time by which its budget is whole again (its "theoretical arrival time", TAT).
 */
export abstract class ApiKeyRateLimiter {
  /** 0 when the request may go; otherwise the milliseconds to wait before the next one would. */
  abstract admit(apiKeyId: string, limitPerMinute: number): Promise<number>;
}

export const WINDOW_MS = 60_000;

/** One step of the algorithm: the wait (0: admitted) and the key's next TAT when admitted. */
export function gcraStep(
  tat: number | undefined,
  now: number,
  limitPerMinute: number,
): { waitMs: number; nextTat?: number } {
  const interval = WINDOW_MS / limitPerMinute;
  const tolerance = WINDOW_MS - interval;
  const start = Math.max(tat ?? now, now);
  if (start - now > tolerance) return { waitMs: Math.ceil(start - now - tolerance) };
  return { waitMs: 0, nextTat: start + interval };
}

/** A single instance: the TATs in memory, dropped once their budget is whole again. */
export class InMemoryApiKeyRateLimiter extends ApiKeyRateLimiter {
  private readonly tats = new Map<string, number>();
  private sweptAt = 0;

  constructor(private readonly clock: () => number = Date.now) {
    super();
  }

  async admit(apiKeyId: string, limitPerMinute: number): Promise<number> {
    const now = this.clock();
    this.sweep(now);
    const { waitMs, nextTat } = gcraStep(this.tats.get(apiKeyId), now, limitPerMinute);
    if (nextTat !== undefined) this.tats.set(apiKeyId, nextTat);
    return waitMs;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < WINDOW_MS) return;
    this.sweptAt = now;
    for (const [key, tat] of this.tats) if (tat <= now) this.tats.delete(key);
  }
}
