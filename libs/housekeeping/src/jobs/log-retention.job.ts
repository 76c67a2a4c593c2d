import { asTenantId } from '@csms/common';
import { TenantService } from '@csms/users';
import { Inject, Injectable } from '@nestjs/common';
import { HousekeepingJob, JobCounts } from '../housekeeping-job';
import { Lease } from '../lock/job-lock';
import { RETENTION_TARGETS, RetentionTarget } from './retention-target';

const DAY_MS = 86_400_000;

/**
 * Deletes logs past their retention, tenant by tenant (each delete uses the tenant-first indexes).
 * A scheduled deleteMany rather than TTL indexes: FerretDB 1.x has none, and this is predictable.
 */
@Injectable()
export class LogRetentionJob extends HousekeepingJob {
  readonly name = 'log-retention';
  readonly intervalMs = 3_600_000;

  constructor(
    private readonly tenants: TenantService,
    @Inject(RETENTION_TARGETS) private readonly targets: RetentionTarget[],
  ) {
    super();
  }

  async run(lease: Lease, now: number): Promise<JobCounts> {
    const kept = this.targets.filter((target) => target.retentionDays > 0);
    const counts: JobCounts = Object.fromEntries(kept.map((target) => [target.name, 0]));
    for (const tenant of await this.tenants.list()) {
      for (const target of kept) {
        if (!lease.held) return counts;
        const before = new Date(now - target.retentionDays * DAY_MS);
        counts[target.name] += await target.purge(asTenantId(tenant.id), before);
      }
    }
    return counts;
  }
}
