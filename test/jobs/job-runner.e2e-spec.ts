import { asTenantId, DEFAULT_TENANT_ID } from '@csms/common';
import { Job, JobHandler, JobHandlers, JobQueue, JobResult, JobRunner } from '@csms/jobs';
import { TestApp, startTestApp } from '../support/test-app';
import { uniqueDatabaseUri } from '../setup/test-database';

const tenant = DEFAULT_TENANT_ID;

/** Fails its first `failures` attempts of each job, then succeeds; remembers every attempt. */
class FlakyHandler extends JobHandler<{ name: string }> {
  override readonly retry = { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 3 };
  readonly attempts: { name: string; at: number }[] = [];

  constructor(
    readonly failures: Record<string, number>,
    readonly queue = 'test-flaky',
  ) {
    super();
  }

  handle(job: Job<{ name: string }>): Promise<JobResult<{ name: string }> | void> {
    this.attempts.push({ name: job.payload.name, at: Date.now() });
    const tried = this.attempts.filter((attempt) => attempt.name === job.payload.name).length;
    if (tried <= (this.failures[job.payload.name] ?? 0)) throw new Error(`${job.payload.name} is down`);
    return Promise.resolve();
  }
}

/** Counts down a recurring job's payload, one step per run, then finishes. */
class CountdownHandler extends JobHandler<{ left: number }> {
  readonly queue = 'test-countdown';
  readonly seen: { tenantId: string; left: number }[] = [];

  handle(job: Job<{ left: number }>): Promise<JobResult<{ left: number }>> {
    this.seen.push({ tenantId: job.tenantId, left: job.payload.left });
    if (job.payload.left === 0) return Promise.resolve({ outcome: 'done' });
    return Promise.resolve({
      outcome: 'again',
      at: new Date(Date.now() + 20),
      payload: { left: job.payload.left - 1 },
    });
  }
}

describe('persistent jobs', () => {
  let server: TestApp;
  const databaseUri = uniqueDatabaseUri('jobs');

  const start = async (): Promise<TestApp> =>
    startTestApp('jobs', { MONGODB_URI: databaseUri, JOBS_POLL_MS: '50' });

  beforeAll(async () => {
    server = await start();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('retries a failing job with back-off until it succeeds, then deletes it', async () => {
    const handler = new FlakyHandler({ twice: 2, hopeless: 1000 });
    server.app.get(JobHandlers).register(handler);
    const queue = server.app.get(JobQueue);
    await queue.enqueue(tenant, handler.queue, { name: 'twice' });
    await waitFor(() => handler.attempts.length === 3);
    await server.app.get(JobRunner).whenIdle(handler.queue);
    const [first, second, third] = handler.attempts.map((attempt) => attempt.at);
    // 50 ms, then 100 ms: the policy's doubling back-off (never sooner).
    expect(second - first).toBeGreaterThanOrEqual(45);
    expect(third - second).toBeGreaterThanOrEqual(95);
    expect(await queue.list(tenant, handler.queue)).toEqual([]);
  });

  it('gives a job up after the policy’s attempts, keeps it FAILED with its error, and retries it on demand', async () => {
    const queue = server.app.get(JobQueue);
    const handler = server.app.get(JobHandlers).get('test-flaky') as FlakyHandler;
    await queue.enqueue(tenant, handler.queue, { name: 'hopeless' });
    await waitFor(() => handler.attempts.filter((a) => a.name === 'hopeless').length === 3);
    await server.app.get(JobRunner).whenIdle(handler.queue);
    const [failed] = await queue.list(tenant, handler.queue);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'hopeless is down' });
    // Nothing further happens by itself…
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handler.attempts.filter((a) => a.name === 'hopeless')).toHaveLength(3);
    // …until an operator retries it, once the party is back.
    handler.failures.hopeless = 0;
    await queue.retry(tenant, failed.id);
    await waitFor(() => handler.attempts.filter((a) => a.name === 'hopeless').length === 4);
    await server.app.get(JobRunner).whenIdle(handler.queue);
    expect(await queue.list(tenant, handler.queue)).toEqual([]);
  });

  it('keeps one job per key, and lets a recurring job carry its state from run to run', async () => {
    const handler = new CountdownHandler();
    server.app.get(JobHandlers).register(handler);
    const queue = server.app.get(JobQueue);
    const later = new Date(Date.now() + 200);
    expect(
      await queue.enqueue(tenant, handler.queue, { left: 3 }, { key: 'k', runAt: later }),
    ).not.toBeNull();
    expect(await queue.enqueue(tenant, handler.queue, { left: 9 }, { key: 'k' })).toBeNull();
    // Another tenant's job with the same key is its own.
    expect(await queue.enqueue(asTenantId('other'), handler.queue, { left: 0 }, { key: 'k' })).not.toBeNull();
    await waitFor(() => handler.seen.length === 5);
    const lefts = (tenantId: string) =>
      handler.seen.filter((run) => run.tenantId === tenantId).map((run) => run.left);
    expect(lefts(tenant)).toEqual([3, 2, 1, 0]);
    expect(lefts('other')).toEqual([0]);
    expect(await queue.list(tenant, handler.queue)).toEqual([]);
  });

  it('loses nothing across a restart: a job stored and not yet run runs after it', async () => {
    // No handler for this queue yet: the job waits in the database.
    await server.app.get(JobQueue).enqueue(tenant, 'test-restart', { name: 'stored' });
    await server.close();
    server = await start();
    const [stored] = await server.app.get(JobQueue).list(tenant, 'test-restart');
    expect(stored).toMatchObject({ status: 'PENDING', attempts: 0, payload: { name: 'stored' } });
    const handler = new FlakyHandler({}, 'test-restart');
    server.app.get(JobHandlers).register(handler);
    await waitFor(() => handler.attempts.length === 1);
    await server.app.get(JobRunner).whenIdle('test-restart');
    expect(handler.attempts.map((attempt) => attempt.name)).toEqual(['stored']);
    expect(await server.app.get(JobQueue).list(tenant, 'test-restart')).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
