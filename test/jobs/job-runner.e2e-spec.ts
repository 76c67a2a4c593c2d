import { DEFAULT_TENANT_ID } from '@csms/common';
import { Job, JobHandler, JobHandlers, JobQueue, JobResult, JobRunner } from '@csms/database';
import { Metrics } from '@csms/metrics';
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

  handle(job: Job<{ name: string }>): Promise<JobResult | void> {
    this.attempts.push({ name: job.payload.name, at: Date.now() });
    const tried = this.attempts.filter((attempt) => attempt.name === job.payload.name).length;
    if (tried <= (this.failures[job.payload.name] ?? 0)) throw new Error(`${job.payload.name} is down`);
    return Promise.resolve();
  }
}

/** Runs each round's jobs together (as a handler that shares work does); `b` fails its first try. */
class RoundHandler extends JobHandler<{ name: string }> {
  readonly queue = 'test-rounds';
  override readonly roundSize = 2;
  readonly rounds: string[][] = [];
  private failedOnce = false;

  handle(): Promise<void> {
    return Promise.reject(new Error('rounds only'));
  }

  override handleRound(jobs: Job<{ name: string }>[]): Promise<JobResult[]> {
    this.rounds.push(jobs.map((job) => job.payload.name).sort());
    return Promise.resolve(
      jobs.map((job): JobResult => {
        if (job.payload.name !== 'b' || this.failedOnce) return { outcome: 'done' };
        this.failedOnce = true;
        return { outcome: 'retry', reason: 'b is down' };
      }),
    );
  }
}

describe('persistent jobs', () => {
  let server: TestApp;
  const flaky = new FlakyHandler({ twice: 2, hopeless: 1000 });
  const databaseUri = uniqueDatabaseUri('jobs');

  const start = async (): Promise<TestApp> =>
    startTestApp('jobs', {
      MONGODB_URI: databaseUri,
      JOBS_POLL_MS: '50',
      METRICS_TOKEN: 'jobs-test-metrics-token',
    });

  beforeAll(async () => {
    server = await start();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('retries a failing job with back-off until it succeeds, then deletes it', async () => {
    const handler = flaky;
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
    const handler = flaky;
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

  it('gives a round of due jobs to a handler that runs them together, each job with its own outcome', async () => {
    const handler = new RoundHandler();
    server.app.get(JobHandlers).register(handler);
    const queue = server.app.get(JobQueue);
    // All three come due at once, so the runner reads them in rounds of the handler's size.
    const runAt = new Date(Date.now() + 300);
    for (const name of ['a', 'b', 'c']) await queue.enqueue(tenant, handler.queue, { name }, { runAt });
    await waitFor(() => handler.rounds.flat().filter((name) => name === 'b').length === 2);
    await server.app.get(JobRunner).whenIdle(handler.queue);
    const [first, second, ...rest] = handler.rounds;
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect([...first, ...second].sort()).toEqual(['a', 'b', 'c']);
    // Only the job that asked for a retry ran again.
    expect(rest).toEqual([['b']]);
    expect(await queue.list(tenant, handler.queue)).toEqual([]);
    const { text } = await server.app.get(Metrics).scrape();
    expect(text).toContain('csms_jobs_run_total{queue="test-rounds",outcome="done"} 3');
    expect(text).toContain('csms_jobs_run_total{queue="test-rounds",outcome="retry"} 1');
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
