import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { EnqueueOptions, Job } from './job';
import { JobRepository } from './job.repository';

/**
 * Where work for outside parties (and other slow, retried work) starts: the job is stored, then run
 * by the queue's handler with retries (see JobRunner). Enqueueing wakes this instance's runner.
 */
@Injectable()
export class JobQueue {
  private readonly wakeUps = new Set<(queue: string) => void>();

  constructor(private readonly jobs: JobRepository) {}

  /** Stores a job; resolves with its id, or null when a job with the same key exists already. */
  async enqueue<P>(
    tenantId: TenantId,
    queue: string,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const id = await this.jobs.add(tenantId, queue, payload, options);
    if (id && (!options.runAt || options.runAt.getTime() <= Date.now())) this.wake(queue);
    return id;
  }

  /** A tenant's jobs of a queue, pending and failed. */
  list(tenantId: TenantId, queue: string): Promise<Job[]> {
    return this.jobs.ofQueue(tenantId, queue);
  }

  /** Puts a job given up on back in its queue, to run now. */
  async retry(tenantId: TenantId, id: string): Promise<Job | null> {
    const job = await this.jobs.requeue(tenantId, id);
    if (job) this.wake(job.queue);
    return job;
  }

  onWake(listener: (queue: string) => void): () => void {
    this.wakeUps.add(listener);
    return () => this.wakeUps.delete(listener);
  }

  private wake(queue: string): void {
    this.wakeUps.forEach((wakeUp) => wakeUp(queue));
  }
}
