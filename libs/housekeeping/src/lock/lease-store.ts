/** A lease of a job's lock as stored. */
export interface LeaseRecord {
  job: string;
  generation: number;
  owner: string;
  acquiredAt: Date;
  expiresAt: Date;
  releasedAt?: Date;
}

/**
 * Where leases live. The lock needs only what FerretDB 1.24 does atomically: an insert refused by a
 * unique `_id`. Every other write touches a lease only its owner writes.
 */
export abstract class LeaseStore {
  /** The lease of `job` with the highest generation, or null when the job never ran. */
  abstract latest(job: string): Promise<LeaseRecord | null>;
  /** Inserts the lease; false when that generation of the job exists already (someone else took it). */
  abstract insert(lease: LeaseRecord): Promise<boolean>;
  abstract release(job: string, generation: number, at: Date): Promise<void>;
  /** Moves the expiry of a lease not released; false when there is no such lease. */
  abstract extend(job: string, generation: number, expiresAt: Date): Promise<boolean>;
  /** Deletes the leases of `job` older than `generation`. */
  abstract prune(job: string, belowGeneration: number): Promise<void>;
}
