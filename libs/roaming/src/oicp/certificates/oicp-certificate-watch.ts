import { hasRole } from '@csms/cluster';
import { APP_CONFIG, AppConfig, asTenantId } from '@csms/common';
import { JobLock } from '@csms/housekeeping';
import {
  FrontendLinks,
  NotificationService,
  NotificationType,
  RecipientDirectory,
} from '@csms/notifications';
import { TenantService } from '@csms/users';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { OicpSettings } from '../settings/oicp-settings';
import { OicpSettingsRepository } from '../settings/oicp-settings.repository';
import { CERTIFICATE_WARNING_DAYS } from '../settings/oicp-settings.presenter';

const DAY_MS = 86_400_000;
const CHECK_EVERY_MS = 3_600_000;
const LOCK_JOB = 'oicp-certificate-watch';

/** Whether the certificate is within its warning window and its admins were not told yet (once per certificate). */
export function dueForWarning(settings: OicpSettings, now: Date): boolean {
  if (!settings.enabled || !settings.certificateExpiresAt) return false;
  const windowStart = settings.certificateExpiresAt.getTime() - CERTIFICATE_WARNING_DAYS * DAY_MS;
  if (now.getTime() < windowStart) return false;
  return !settings.expiryWarnedAt || settings.expiryWarnedAt.getTime() < windowStart;
}

/**
 * Emails each tenant's admins once, 30 days before the client certificate Hubject knows them by
 * expires (Hubject refuses an expired one, and roaming stops without a word). Hourly, one instance at
 * a time (a database lock), on worker instances.
 */
@Injectable()
export class OicpCertificateWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OicpCertificateWatch.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantService,
    private readonly settings: OicpSettingsRepository,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
    private readonly lock: JobLock,
  ) {}

  onApplicationBootstrap(): void {
    if (!hasRole(this.config, 'worker')) return;
    const tick = () => {
      this.running = this.runLocked().catch((error: unknown) =>
        this.logger.error({ err: error }, 'Checking OICP certificates failed'),
      );
    };
    this.timer = setInterval(tick, CHECK_EVERY_MS);
    this.timer.unref();
    tick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async runLocked(): Promise<void> {
    const lease = await this.lock.acquire(LOCK_JOB, 60_000);
    if (!lease) return;
    try {
      await this.check(new Date());
    } finally {
      await lease.release();
    }
  }

  /** Warns the admins of every tenant whose certificate is due; how many tenants were warned. */
  async check(now: Date): Promise<number> {
    let warned = 0;
    for (const tenant of await this.tenants.list()) {
      if (!tenant.active) continue;
      const tenantId = asTenantId(tenant.id);
      const settings = await this.settings.find(tenantId);
      if (!settings || !dueForWarning(settings, now)) continue;
      const data = {
        platform: 'Hubject',
        subject: settings.certificateSubject ?? settings.operatorId,
        expiresAt: settings.certificateExpiresAt!,
        // The console has no roaming page yet: its home, where admins sign in.
        link: this.links.to(tenantId, '/'),
      };
      for (const admin of await this.recipients.findAdmins(tenantId)) {
        this.notifications.notify(admin, NotificationType.ROAMING_CERTIFICATE_EXPIRING, data);
      }
      await this.settings.markWarned(tenantId, now);
      warned++;
    }
    return warned;
  }
}
