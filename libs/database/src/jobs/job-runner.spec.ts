import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig, asTenantId } from '@csms/common';
import { Job } from './job';
import { JobHandler } from './job-handler';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';
import { JobRunner } from './job-runner';
import { JobMetrics } from './job.metrics';
import { QueuedJobRepository } from './queued-job.repository';

const POLL_MS = 20;
const QUEUE = 'test-queue';

class RecordingHandler extends JobHandler<string> {
  readonly handled: string[] = [];
  readonly handledAt: number[] = [];

  constructor(readonly queue: string) {
    super();
  }

  handle(job: Job<string>): Promise<void> {
    this.handled.push(job.payload);
    this.handledAt.push(Date.now());
    return Promise.resolve();
  }
}

/** The queues' store as the runner reads it: `pending` jobs, and the reads made (the queues polled). */
function fakeStore() {
  const pending: Job<string>[] = [];
  const reads = { due: 0, polls: [] as string[][] };
  const store = {
    due: (queue: string, now: Date) => {
      reads.due += 1;
      return Promise.resolve(pending.filter((job) => job.queue === queue && job.runAt <= now));
    },
    nextDueOf: (queues: string[], by: Date) => {
      reads.polls.push(queues);
      const next = new Map<string, Date>();
      const soonestFirst = [...pending].sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
      for (const job of soonestFirst) {
        if (queues.includes(job.queue) && job.runAt <= by && !next.has(job.queue))
          next.set(job.queue, job.runAt);
      }
      return Promise.resolve(next);
    },
    complete: (job: Job) => {
      pending.splice(pending.indexOf(job as Job<string>), 1);
      return Promise.resolve();
    },
  };
  return { store: store as unknown as QueuedJobRepository, pending, reads };
}

function jobAt(runAt: Date, payload: string): Job<string> {
  const tenantId = asTenantId('default');
  return {
    id: payload,
    tenantId,
    queue: QUEUE,
    payload,
    status: 'PENDING',
    attempts: 0,
    runAt,
    createdAt: runAt,
  };
}

/** Waits for `done`, up to a deadline far above the polls (a loaded machine delays timers). */
async function waitFor(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 5_000; !done() && Date.now() < deadline;) await sleep(5);
}

describe('JobRunner', () => {
  let runner: JobRunner;
  afterEach(() => runner.onModuleDestroy());

  function start(store: QueuedJobRepository, queues = [QUEUE]): RecordingHandler[] {
    const handlers = new JobHandlers();
    const config = { SERVER_ROLES: ['all'], JOBS_POLL_MS: POLL_MS } as unknown as AppConfig;
    const metrics = { ran: () => undefined } as unknown as JobMetrics;
    runner = new JobRunner(config, handlers, store, new JobQueue(store), metrics);
    runner.onApplicationBootstrap();
    return queues.map((queue) => {
      const handler = new RecordingHandler(queue);
      handlers.register(handler);
      return handler;
    });
  }

  it('polls all idle queues with one read per poll, for when their next jobs are due, and no round', async () => {
    const { store, reads } = fakeStore();
    start(store, ['queue-a', 'queue-b', 'queue-c']);
    await sleep(POLL_MS * 10);
    // Each queue's first round at start; then one read per poll (about ten; fewer on a loaded machine).
    expect(reads.due).toBe(3);
    expect(reads.polls.length).toBeGreaterThanOrEqual(2);
    for (const queues of reads.polls) expect([...queues].sort()).toEqual(['queue-a', 'queue-b', 'queue-c']);
  });

  it('runs a job stored by another instance once a poll finds it due', async () => {
    const { store, pending, reads } = fakeStore();
    const [other, handler] = start(store, ['other-queue', QUEUE]);
    await sleep(POLL_MS * 2);
    // Stored without this instance's JobQueue (no wake-up), as another instance would.
    pending.push(jobAt(new Date(), 'elsewhere'));
    await waitFor(() => handler.handled.length > 0);
    expect(handler.handled).toEqual(['elsewhere']);
    expect(other.handled).toEqual([]);
    expect(reads.due).toBeGreaterThanOrEqual(3);
  });

  it('runs a job stored to run later once it comes due, not before', async () => {
    const { store, pending } = fakeStore();
    const [handler] = start(store);
    const runAt = new Date(Date.now() + POLL_MS * 3);
    pending.push(jobAt(runAt, 'later'));
    await waitFor(() => handler.handled.length > 0);
    expect(handler.handled).toEqual(['later']);
    expect(handler.handledAt[0]).toBeGreaterThanOrEqual(runAt.getTime());
  });
});
