import { LeaseRecord, LeaseStore } from './lease-store';

/**
 * Leases kept per job. A contender that read an old generation and stalled (GC pause, lost
 * network) may insert a generation pruned meanwhile; it then finds a newer one and gives up.
 */
const KEPT_GENERATIONS = 20;
/** Work stops this long before the lease expires, so that a slow last step does not overlap a successor. */
const MAX_SAFETY_MARGIN_MS = 30_000;

export type Clock = () => number;

/** The right to run a job until `expiresAt`; check `held` between steps of work. */
export class Lease {
  private released = false;

  constructor(
    private readonly record: LeaseRecord,
    private readonly store: LeaseStore,
    private readonly clock: Clock,
    private readonly marginMs: number,
  ) {}

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
    return new Lease(record, this.store, this.clock, Math.min(ttlMs / 5, MAX_SAFETY_MARGIN_MS));
  }
}
