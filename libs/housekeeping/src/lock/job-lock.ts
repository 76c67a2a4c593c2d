import { LeaseRecord, LeaseStore } from './lease-store';

/**
 * Leases kept per job. A contender that read an old generation and stalled (GC pause, lost
 * network) may insert a generation pruned meanwhile; it then finds a newer one and gives up.
 */
const KEPT_GENERATIONS = 20;
/** The most a lease's safety margin is (a fifth of its TTL otherwise). */
const MAX_SAFETY_MARGIN_MS = 30_000;

export type Clock = () => number;

/** The right to run a job until `expiresAt`; check `held` (or `keep()`) between steps of work. */
export class Lease {
  private released = false;
  /** When `keep()` renews it: drawn between 40 and 60 % of its time, anew at each renewal. */
  private renewAt: number;

  constructor(
    private readonly record: LeaseRecord,
    private readonly store: LeaseStore,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {
    this.renewAt = this.nextRenewal();
  }

  /** Work stops this long before the expiry, so that a slow last step does not overlap a successor. */
  private get marginMs(): number {
    return Math.min(this.ttlMs / 5, MAX_SAFETY_MARGIN_MS);
  }

  get job(): string {
    return this.record.job;
  }

  get generation(): number {
    return this.record.generation;
  }

  get expiresAt(): Date {
    return this.record.expiresAt;
  }

  /** Whether work may go on: released leases and leases about to expire are not. */
  get held(): boolean {
    return !this.released && this.clock() < this.record.expiresAt.getTime() - this.marginMs;
  }

  /**
   * Whether work may go on, for a holder that works for longer than the TTL: once the renewal time
   * has come, the lease is first extended in place, one write, where releasing and acquiring it
   * anew wrote a generation (four or five commands). Leases taken together, a worker's queues, come
   * due at different moments, so their renewals do not reach the database at once. A renewal that
   * fails is tried at the next call, while the lease is still held.
   */
  async keep(): Promise<boolean> {
    if (this.held && this.clock() >= this.renewAt) await this.renew().catch(() => undefined);
    return this.held;
  }

  /**
   * Counts only if the write lands while the lease is still held: a contender takes a lease over
   * only once it expired, so until then none can have, and the extended lease stays the newest.
   */
  private async renew(): Promise<void> {
    const heldUntil = this.record.expiresAt.getTime() - this.marginMs;
    const expiresAt = new Date(this.clock() + this.ttlMs);
    const extended = await this.store.extend(this.record.job, this.record.generation, expiresAt);
    if (!extended || this.released || this.clock() >= heldUntil) return;
    this.record.expiresAt = expiresAt;
    this.renewAt = this.nextRenewal();
  }

  private nextRenewal(): number {
    return this.clock() + this.ttlMs * (0.4 + 0.2 * Math.random());
  }

  /** Lets the next contender in at once rather than after the expiry. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.store.release(this.record.job, this.record.generation, new Date(this.clock()));
  }
}

/**
 * A lock per job shared by every instance through the database, safe on FerretDB 1.24 whose
 * findAndModify is not atomic. Each lease is a new document `<job>:<generation>`; the unique `_id`
 * is the only arbiter:
 * - to acquire, read the newest lease; if it is neither released nor expired, someone holds the job;
 *   otherwise insert generation + 1. Of the instances that saw the same newest lease, exactly one
 *   insert succeeds (duplicate key for the others). No lease is ever updated by anyone but its
 *   owner, so there is no read-modify-write to race.
 * - after the insert, the newest lease is read again: a contender whose read was so old that its
 *   generation had been pruned finds a newer one and gives up.
 * - an expired lease is taken over by the next generation: a crashed holder blocks the job for at
 *   most its TTL. A holder still alive stops when `held` turns false (a safety margin before the
 *   expiry), so holders never overlap as long as one step of work is shorter than the margin and
 *   the instances' clocks agree to within it.
 * - a holder that works on (a job queue, the roaming outbox) extends its own lease before that
 *   point (`keep()`); the lease stays the newest, since no contender takes over a lease unexpired.
 */
export class JobLock {
  constructor(
    private readonly store: LeaseStore,
    readonly owner: string,
    private readonly clock: Clock = Date.now,
  ) {}

  /** A lease of `job` for `ttlMs`, or null when another instance holds it. */
  async acquire(job: string, ttlMs: number): Promise<Lease | null> {
    const now = this.clock();
    const latest = await this.store.latest(job);
    if (latest && !latest.releasedAt && latest.expiresAt.getTime() > now) return null;
    const record: LeaseRecord = {
      job,
      generation: (latest?.generation ?? 0) + 1,
      owner: this.owner,
      acquiredAt: new Date(now),
      expiresAt: new Date(now + ttlMs),
    };
    if (!(await this.store.insert(record))) return null;
    const newest = await this.store.latest(job);
    if (newest && newest.generation !== record.generation) {
      await this.store.release(job, record.generation, new Date(this.clock()));
      return null;
    }
    if (record.generation > KEPT_GENERATIONS) {
      await this.store.prune(job, record.generation - KEPT_GENERATIONS);
    }
    return new Lease(record, this.store, this.clock, ttlMs);
  }
}
