import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { JobQueue } from '@csms/database';
import { TransactionService } from '@csms/transactions';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { BillingSettings } from '../settings/billing-settings';
import { billedSessionOf } from './invoice-lines';
import { SESSION_BILLING_QUEUE } from './session-billing.job';
import { SessionBillingRepository } from './session-billing.repository';

const PAGE = 500;

/**
 * Finds the stopped, priced sessions whose stop event never reached billing (an instance stopped
 * between the session's stop and its billing job) and stores their billing jobs, keyed by the
 * session as the listener keys them: a session already on its way is the same job. Only sessions
 * stopped while billing was on (as the listener would have billed them; none is billed by surprise),
 * long enough ago for the usual path to have run.
 */
@Injectable()
export class LostStopReconciliation {
  private readonly logger = new Logger(LostStopReconciliation.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionService,
    private readonly sessions: SessionBillingRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** Resolves with how many sessions it found unbilled. */
  async run(tenantId: TenantId, settings: BillingSettings): Promise<number> {
    const now = Date.now();
    const startedSince = new Date(now - this.config.BILLING_RECONCILE_LOOKBACK_DAYS * 86_400_000);
    const stoppedSince = new Date(Math.max(startedSince.getTime(), settings.enabledAt?.getTime() ?? 0));
    const stoppedBefore = new Date(now - this.config.BILLING_RECONCILE_GRACE_SECONDS * 1000);
    let after: { startedAt: Date; id: string } | undefined;
    let found = 0;
    for (;;) {
      const page = await this.transactions.stoppedPriced(
        tenantId,
        { startedSince, stoppedSince, stoppedBefore, after },
        PAGE,
      );
      if (page.length === 0) return found;
      const known = new Set(
        (
          await this.sessions.findByIds(
            tenantId,
            page.map((transaction) => transaction.id),
          )
        ).map((record) => record.transactionId),
      );
      for (const transaction of page) {
        const session = billedSessionOf(transaction);
        if (!session || known.has(transaction.id)) continue;
        found++;
        this.logger.warn(
          { tenantId, transactionId: session.transactionId },
          'Billing a session whose stop was lost',
        );
        await this.jobs.enqueue(tenantId, SESSION_BILLING_QUEUE, session, { key: session.transactionId });
      }
      const last = page.at(-1)!;
      after = { startedAt: last.startedAt, id: last.id };
    }
  }
}
