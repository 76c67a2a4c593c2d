import { ApiKey, ApiKeyService } from '@csms/auth';
import { TenantId, asTenantId } from '@csms/common';
import {
  FrontendLinks,
  NotificationService,
  NotificationType,
  Recipient,
  RecipientDirectory,
} from '@csms/notifications';
import { TenantService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { HousekeepingJob, JobCounts } from '../housekeeping-job';
import { Lease } from '../lock/job-lock';

/**
 * Emails the tenant's admins, and the key's creator, once per API key that expires within
 * API_KEY_EXPIRY_REMINDER_DAYS, each in their own language (the key shows `expiresSoon` meanwhile).
 */
@Injectable()
export class ApiKeyRemindersJob extends HousekeepingJob {
  readonly name = 'api-key-reminders';
  readonly intervalMs = 3_600_000;

  constructor(
    private readonly tenants: TenantService,
    private readonly apiKeys: ApiKeyService,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {
    super();
  }

  async run(lease: Lease, now: number): Promise<JobCounts> {
    const counts = { keys: 0, emails: 0 };
    for (const tenant of await this.tenants.list()) {
      if (!lease.held) break;
      if (!tenant.active) continue;
      const tenantId = asTenantId(tenant.id);
      for (const key of await this.apiKeys.dueForReminder(tenantId, new Date(now))) {
        const link = this.links.to(tenantId, '/api-keys');
        for (const recipient of await this.recipientsOf(tenantId, key)) {
          const data = { keyName: key.name, keyPrefix: key.prefix, expiresAt: key.expiresAt!, link };
          if (this.notifications.notify(recipient, NotificationType.API_KEY_EXPIRING, data)) counts.emails++;
        }
        await this.apiKeys.markReminded(tenantId, key.id, new Date(now));
        counts.keys++;
      }
    }
    return counts;
  }

  private async recipientsOf(tenantId: TenantId, key: ApiKey): Promise<Recipient[]> {
    const [admins, creator] = await Promise.all([
      this.recipients.findAdmins(tenantId),
      this.recipients.findRecipient(tenantId, key.createdById),
    ]);
    const byEmail = new Map([...admins, ...(creator ? [creator] : [])].map((r) => [r.email, r]));
    return [...byEmail.values()];
  }
}
