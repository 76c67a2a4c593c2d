import { APP_CONFIG, AppConfig, asTenantId } from '@csms/common';
import { TransactionService } from '@csms/transactions';
import { TenantService } from '@csms/users';
import { Inject, Injectable } from '@nestjs/common';
import { HousekeepingJob, JobCounts } from '../housekeeping-job';
import { Lease } from '../lock/job-lock';

const BATCH_SIZE = 100;
const MAX_INTERVAL_MS = 10 * 60_000;

/**
 * Closes sessions left open with no news (no meter value) for HOUSEKEEPING_STALE_SESSION_HOURS:
 * the station lost the StopTransaction or never sends it. They end through the transactions domain
 * with stop reason `StaleSession`, so TransactionStopped and its notifications flow as usual; a
 * StopTransaction arriving later still overwrites the figures.
 */
@Injectable()
export class StaleSessionsJob extends HousekeepingJob {
  readonly name = 'stale-sessions';
  readonly intervalMs: number;
  private readonly staleAfterMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tenants: TenantService,
    private readonly transactions: TransactionService,
  ) {
    super();
    this.staleAfterMs = config.HOUSEKEEPING_STALE_SESSION_HOURS * 3_600_000;
    this.intervalMs = Math.min(MAX_INTERVAL_MS, Math.max(60_000, this.staleAfterMs / 4));
  }

  async run(lease: Lease, now: number): Promise<JobCounts> {
    const quietSince = new Date(now - this.staleAfterMs);
    let closed = 0;
    for (const tenant of await this.tenants.list()) {
      const tenantId = asTenantId(tenant.id);
      for (let found = BATCH_SIZE; found === BATCH_SIZE && lease.held;) {
        found = await this.transactions.closeStale(tenantId, quietSince, BATCH_SIZE);
        closed += found;
      }
    }
    return { closed };
  }
}
