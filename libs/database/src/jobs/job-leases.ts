/** The right to run a queue while `keep()` resolves true. */
export interface JobLease {
  /** Whether the queue may still be run; renews the lease when it is due. */
  keep(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * Port: a lease per queue shared by every instance, so that one instance at a time runs a queue
 * (implemented by the housekeeping lock). Without it, this instance runs every queue on its own.
 */
export abstract class JobLeases {
  /** A lease of `name` for `ttlMs`, or null while another instance holds it. */
  abstract acquire(name: string, ttlMs: number): Promise<JobLease | null>;
}
