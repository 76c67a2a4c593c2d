import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { CounterSeries, Metrics } from '@csms/metrics';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { MailSender, OutgoingMail } from '../mail/mail-sender';
import { NotificationJobRepository } from './notification-job.repository';

interface Job {
  tenantId: TenantId;
  mail: OutgoingMail;
  attempts: number;
  /** The stored job's id once written (undefined if the database refused it: the message is still tried). */
  stored: Promise<string | undefined>;
}

/**
 * Sending never blocks the caller: `enqueue` returns at once, the job is stored, and a background
 * loop sends, retrying failures with exponential backoff (NOTIFICATION_RETRY_BASE_MS × 2^n, up to
 * NOTIFICATION_MAX_ATTEMPTS tries). Stored jobs still pending at start-up (a restart, a crash) are
 * sent then.
 */
@Injectable()
export class NotificationQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationQueue.name);
  private readonly ready: Job[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = false;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private stopped = false;
  private readonly sendErrors?: CounterSeries;
  private readonly givenUp?: CounterSeries;

  constructor(
    private readonly sender: MailSender,
    private readonly jobs: NotificationJobRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() metrics?: Metrics,
  ) {
    this.sendErrors = metrics
      ?.counter({
        name: 'csms_notification_send_errors_total',
        help: 'Attempts to send a notification that failed',
      })
      .series();
    this.givenUp = metrics
      ?.counter({
        name: 'csms_notifications_failed_total',
        help: 'Notifications given up on after NOTIFICATION_MAX_ATTEMPTS failed attempts',
      })
      .series();
    metrics?.gauge({
      name: 'csms_notifications_pending',
      help: 'Notifications waiting to be sent or retried on this instance',
      collect: () => [{ value: this.pending }],
    });
  }

  enqueue(tenantId: TenantId, mail: OutgoingMail): void {
    if (this.stopped) return;
    const stored = this.jobs.add(tenantId, mail).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'Could not store a notification job; sending it from memory only');
      return undefined;
    });
    this.schedule({ tenantId, mail, attempts: 0, stored });
  }

  async onApplicationBootstrap(): Promise<void> {
    const pending = await this.jobs.findAllPending();
    if (pending.length) this.logger.log(`Resuming ${pending.length} pending notifications`);
    for (const job of pending) {
      this.schedule({
        tenantId: job.tenantId,
        mail: job.mail,
        attempts: job.attempts,
        stored: Promise.resolve(job.id),
      });
    }
  }

  /** Jobs waiting to be sent or retried. */
  get pending(): number {
    return this.ready.length + this.timers.size + this.inFlight;
  }

  /** Resolves when nothing is pending (tests, graceful shutdown). */
  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(job: Job): void {
    this.ready.push(job);
    // Sending starts on a later turn of the event loop, never inside the caller's own work.
    setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.ready.shift(); job && !this.stopped; job = this.ready.shift()) {
        this.inFlight = 1;
        await this.attempt(job);
        this.inFlight = 0;
      }
    } finally {
      this.inFlight = 0;
      this.running = false;
      this.notifyIdle();
    }
  }

  private async attempt(job: Job): Promise<void> {
    job.attempts += 1;
    try {
      await this.sender.send(job.mail);
    } catch (error) {
      await this.retryLater(job, error);
      return;
    }
    const id = await job.stored;
    if (id) await this.jobs.remove(job.tenantId, id).catch(() => undefined);
  }

  private async retryLater(job: Job, error: unknown): Promise<void> {
    const final = job.attempts >= this.config.NOTIFICATION_MAX_ATTEMPTS;
    this.sendErrors?.inc();
    if (final) this.givenUp?.inc();
    const id = await job.stored;
    const message = error instanceof Error ? error.message : String(error);
    if (id)
      await this.jobs.recordAttempt(job.tenantId, id, job.attempts, message, final).catch(() => undefined);
    if (final) {
      this.logger.error(
        { err: error, to: job.mail.to },
        `Giving up "${job.mail.subject}" after ${job.attempts} attempts`,
      );
      return;
    }
    if (this.stopped) return;
    const delay = this.config.NOTIFICATION_RETRY_BASE_MS * 2 ** (job.attempts - 1);
    this.logger.warn({ err: error, to: job.mail.to }, `Sending failed; retry ${job.attempts} in ${delay} ms`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.schedule(job);
    }, delay);
    this.timers.add(timer);
  }

  private notifyIdle(): void {
    if (this.pending > 0 && !this.stopped) return;
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    this.ready.length = 0;
    this.notifyIdle();
  }
}
