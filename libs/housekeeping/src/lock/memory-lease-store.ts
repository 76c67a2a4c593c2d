import { LeaseRecord, LeaseStore } from './lease-store';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Leases in memory, with the one guarantee the database gives: an `_id` is inserted once. Every call
 * yields. For tests of what contends for a JobLock (several instances in one process).
 */
export class MemoryLeaseStore extends LeaseStore {
  readonly leases = new Map<string, LeaseRecord>();
  /** When set, inserts wait for it: a contender stalled between its read and its insert. */
  insertGate?: Promise<void>;

  async latest(job: string): Promise<LeaseRecord | null> {
    await tick();
    const ofJob = [...this.leases.values()].filter((lease) => lease.job === job);
    ofJob.sort((a, b) => b.generation - a.generation);
    return ofJob[0] ? { ...ofJob[0] } : null;
  }

  async insert(lease: LeaseRecord): Promise<boolean> {
    await this.insertGate;
    await tick();
    const id = `${lease.job}:${lease.generation}`;
    if (this.leases.has(id)) return false;
    this.leases.set(id, { ...lease });
    return true;
  }

  async release(job: string, generation: number, at: Date): Promise<void> {
    await tick();
    const lease = this.leases.get(`${job}:${generation}`);
    if (lease) lease.releasedAt = at;
  }

  async extend(job: string, generation: number, expiresAt: Date): Promise<boolean> {
    await tick();
    const lease = this.leases.get(`${job}:${generation}`);
    if (!lease || lease.releasedAt) return false;
    lease.expiresAt = expiresAt;
    return true;
  }

  async prune(job: string, belowGeneration: number): Promise<void> {
    await tick();
    for (const [id, lease] of this.leases) {
      if (lease.job === job && lease.generation < belowGeneration) this.leases.delete(id);
    }
  }
}
