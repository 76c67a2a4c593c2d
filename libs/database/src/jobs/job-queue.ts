import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { EnqueueOptions, Job, JobStatus } from './job';
import { QueuedJobRepository } from './queued-job.repository';

/**
 * Where retried work starts: the job is stored first, then run by its queue's handler (JobRunner).
 * Enqueueing wakes this instance's runner of that queue; other instances' find it at their next poll.
 */
@Injectable()
export class JobQueue {
  private readonly wakeUps = new Set<(queue: string) => void>();

  constructor(private readonly jobs: QueuedJobRepository) {}

  /** Stores a job (see EnqueueOptions.key); resolves with its id once it is stored. */
  async enqueue<P>(
    tenantId: TenantId,
    queue: string,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<string> {
    const id = await this.jobs.add(tenantId, queue, payload, options);
    if (!options.runAt || options.runAt.getTime() <= Date.now()) this.wake(queue);
    return id;
  }

  /** A tenant's jobs of a queue (operators, tests). */
  list(tenantId: TenantId, queue: string, status?: JobStatus): Promise<Job[]> {
    return this.jobs.ofQueue(tenantId, queue, status);
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
