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

class RecordingHandler extends JobHandler<string> {
  readonly queue = 'test-queue';
  readonly handled: string[] = [];
  readonly handledAt: number[] = [];

  handle(job: Job<string>): Promise<void> {
    this.handled.push(job.payload);
    this.handledAt.push(Date.now());
    return Promise.resolve();
  }
}

/** The queue's store as the runner reads it: `pending` jobs, and how often each read was made. */
function fakeStore() {
  const pending: Job<string>[] = [];
  const reads = { due: 0, nextDue: 0 };
  const store = {
    due: (_queue: string, now: Date) => {
      reads.due += 1;
      return Promise.resolve(pending.filter((job) => job.runAt <= now));
    },
    nextDue: () => {
      reads.nextDue += 1;
      const times = pending.map((job) => job.runAt.getTime());
      return Promise.resolve(times.length ? new Date(Math.min(...times)) : undefined);
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
    queue: 'test-queue',
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

  function start(store: QueuedJobRepository): RecordingHandler {
    const handlers = new JobHandlers();
    const config = { SERVER_ROLES: ['all'], JOBS_POLL_MS: POLL_MS } as unknown as AppConfig;
    const metrics = { ran: () => undefined } as unknown as JobMetrics;
    runner = new JobRunner(config, handlers, store, new JobQueue(store), metrics);
    runner.onApplicationBootstrap();
    const handler = new RecordingHandler();
    handlers.register(handler);
    return handler;
  }

  it('polls an idle queue with one read per poll: when its next job is due, no round', async () => {
    const { store, reads } = fakeStore();
    start(store);
    await sleep(POLL_MS * 10);
    // The first round at start, then one read per poll (about ten; fewer on a loaded machine).
    expect(reads.due).toBe(1);
    expect(reads.nextDue).toBeGreaterThanOrEqual(2);
  });

  it('runs a job stored by another instance once a poll finds it due', async () => {
    const { store, pending, reads } = fakeStore();
    const handler = start(store);
    await sleep(POLL_MS * 2);
    // Stored without this instance's JobQueue (no wake-up), as another instance would.
    pending.push(jobAt(new Date(), 'elsewhere'));
    await waitFor(() => handler.handled.length > 0);
    expect(handler.handled).toEqual(['elsewhere']);
    expect(reads.due).toBeGreaterThanOrEqual(2);
  });

  it('runs a job stored to run later once it comes due, not before', async () => {
    const { store, pending } = fakeStore();
    const handler = start(store);
    const runAt = new Date(Date.now() + POLL_MS * 3);
    pending.push(jobAt(runAt, 'later'));
    await waitFor(() => handler.handled.length > 0);
    expect(handler.handled).toEqual(['later']);
    expect(handler.handledAt[0]).toBeGreaterThanOrEqual(runAt.getTime());
  });
});
