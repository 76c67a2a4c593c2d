/** Entries kept before old ones are swept. */
const SWEEP_ABOVE = 1000;

/** Lets one notice per key through within `windowMs` (e.g. one per badge and station). */
export class NoticeThrottle {
  private readonly lastSent = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** True when no notice for `key` went out within the window before `now`; records this one. */
  allow(key: string, now: number): boolean {
    const last = this.lastSent.get(key);
    if (last !== undefined && now - last < this.windowMs) return false;
    this.lastSent.set(key, now);
    if (this.lastSent.size > SWEEP_ABOVE) this.sweep(now);
    return true;
  }

  get size(): number {
    return this.lastSent.size;
  }

  private sweep(now: number): void {
    for (const [key, at] of this.lastSent) if (now - at >= this.windowMs) this.lastSent.delete(key);
  }
}
