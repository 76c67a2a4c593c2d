import { AppConfig, DEFAULT_TENANT_ID, TenantId, loadConfig } from '@csms/common';
import { MailSender, OutgoingMail } from '../mail/mail-sender';
import { NotificationJobRepository, StoredJob } from './notification-job.repository';
import { NotificationQueue } from './notification-queue';

/** The job store in memory: what the queue writes is what a restart would find. */
class MemoryJobs {
  readonly jobs = new Map<string, StoredJob & { failed?: boolean; lastError?: string }>();
  private next = 0;
  async add(tenantId: TenantId, mail: OutgoingMail): Promise<string> {
    const id = `job-${++this.next}`;
    this.jobs.set(id, { id, tenantId, mail, attempts: 0 });
    return id;
  }
  async recordAttempt(
    _tenantId: TenantId,
    id: string,
    attempts: number,
    error: string,
    final: boolean,
  ): Promise<void> {
    this.jobs.set(id, { ...this.jobs.get(id)!, attempts, lastError: error, failed: final });
  }
  async remove(_tenantId: TenantId, id: string): Promise<void> {
    this.jobs.delete(id);
  }
  async findAllPending(): Promise<StoredJob[]> {
    return [...this.jobs.values()].filter((job) => !job.failed);
  }
}

const mail = (to: string): OutgoingMail => ({ to, subject: 's', text: 't', html: '<p>t</p>' });

/** Fails the first `failures` attempts for each recipient whose address contains `failing`. */
class FlakySender {
  readonly sent: string[] = [];
  readonly attempts: number[] = [];
  private readonly failed = new Map<string, number>();
  constructor(
    private readonly failures: number,
    private readonly failing = '@',
  ) {}
  async send(message: OutgoingMail): Promise<void> {
    this.attempts.push(Date.now());
    const failedSoFar = this.failed.get(message.to) ?? 0;
    if (message.to.includes(this.failing) && failedSoFar < this.failures) {
      this.failed.set(message.to, failedSoFar + 1);
      throw new Error('SMTP down');
    }
    this.sent.push(message.to);
  }
}

function queueWith(
  sender: FlakySender,
  config: Partial<Record<keyof AppConfig, string>>,
  jobs = new MemoryJobs(),
): NotificationQueue {
  return new NotificationQueue(
    sender as unknown as MailSender,
    jobs as unknown as NotificationJobRepository,
    loadConfig(config),
  );
}

describe('NotificationQueue', () => {
  it('returns at once and sends in the background, in order', async () => {
    const sender = new FlakySender(0);
    const queue = queueWith(sender, {});
    queue.enqueue(DEFAULT_TENANT_ID, mail('a@example.com'));
    queue.enqueue(DEFAULT_TENANT_ID, mail('b@example.com'));
    expect(sender.sent).toEqual([]);
    await queue.whenIdle();
    expect(sender.sent).toEqual(['a@example.com', 'b@example.com']);
  });

  it('retries failures with exponential backoff until sent', async () => {
    const sender = new FlakySender(2);
    const queue = queueWith(sender, { NOTIFICATION_RETRY_BASE_MS: '20', NOTIFICATION_MAX_ATTEMPTS: '5' });
    queue.enqueue(DEFAULT_TENANT_ID, mail('a@example.com'));
    await queue.whenIdle();
    expect(sender.sent).toEqual(['a@example.com']);
    const [first, second, third] = sender.attempts;
    expect(second - first).toBeGreaterThanOrEqual(18);
    expect(third - second).toBeGreaterThanOrEqual(38);
  });

  it('gives up after NOTIFICATION_MAX_ATTEMPTS without blocking later messages', async () => {
    const sender = new FlakySender(10, 'lost');
    const queue = queueWith(sender, { NOTIFICATION_RETRY_BASE_MS: '5', NOTIFICATION_MAX_ATTEMPTS: '2' });
    queue.enqueue(DEFAULT_TENANT_ID, mail('lost@example.com'));
    queue.enqueue(DEFAULT_TENANT_ID, mail('next@example.com'));
    await queue.whenIdle();
    expect(sender.sent).toEqual(['next@example.com']);
    expect(sender.attempts).toHaveLength(3);
    expect(queue.pending).toBe(0);
  });

  it('drops pending retries on shutdown', async () => {
    const sender = new FlakySender(10);
    const queue = queueWith(sender, { NOTIFICATION_RETRY_BASE_MS: '60000' });
    queue.enqueue(DEFAULT_TENANT_ID, mail('a@example.com'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(queue.pending).toBe(1);
    queue.onModuleDestroy();
    await queue.whenIdle();
    expect(queue.pending).toBe(0);
  });

  it('stores jobs until sent, marks the ones given up, and resumes stored jobs at start-up', async () => {
    const jobs = new MemoryJobs();
    const down = queueWith(
      new FlakySender(10),
      { NOTIFICATION_RETRY_BASE_MS: '60000', NOTIFICATION_MAX_ATTEMPTS: '3' },
      jobs,
    );
    down.enqueue(DEFAULT_TENANT_ID, mail('pending@example.com'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    down.onModuleDestroy();
    expect([...jobs.jobs.values()]).toEqual([
      expect.objectContaining({ attempts: 1, lastError: 'SMTP down', failed: false }),
    ]);

    const sender = new FlakySender(0);
    const restarted = queueWith(sender, {}, jobs);
    await restarted.onApplicationBootstrap();
    await restarted.whenIdle();
    expect(sender.sent).toEqual(['pending@example.com']);
    expect(jobs.jobs.size).toBe(0);

    const doomed = queueWith(
      new FlakySender(10),
      { NOTIFICATION_RETRY_BASE_MS: '1', NOTIFICATION_MAX_ATTEMPTS: '2' },
      jobs,
    );
    doomed.enqueue(DEFAULT_TENANT_ID, mail('doomed@example.com'));
    await doomed.whenIdle();
    expect([...jobs.jobs.values()]).toEqual([expect.objectContaining({ attempts: 2, failed: true })]);
    expect(await jobs.findAllPending()).toEqual([]);
  });
});
