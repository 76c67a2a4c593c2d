import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { ConnectedAccountService } from '../connect/connected-account.service';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { SessionTransferJob } from './session-transfer.job';
import { SessionTransferRepository } from './session-transfer.repository';

/** Paid invoices looked at per run; the rest waits for the next run. */
const BATCH = 500;

/**
 * The sessions of recently paid invoices that have no transfer record (the payment's event never
 * reached the transfer listener) get their transfer job, keyed by the session as the listener keys it.
 */
@Injectable()
export class LostTransferReconciliation {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connect: ConnectedAccountService,
    private readonly invoices: InvoiceRepository,
    private readonly transfers: SessionTransferRepository,
    private readonly transferJob: SessionTransferJob,
  ) {}

  async run(tenantId: TenantId): Promise<number> {
    if (!(await this.connect.hasAccounts(tenantId))) return 0;
    const since = new Date(Date.now() - this.config.BILLING_RECONCILE_LOOKBACK_DAYS * 86_400_000);
    const paid = await this.invoices.paidSince(tenantId, since, BATCH);
    const sessions = paid.flatMap((invoice) =>
      invoice.transactionIds.map((transactionId) => ({ transactionId, invoiceId: invoice.id })),
    );
    const known = new Set(
      (
        await this.transfers.findByIds(
          tenantId,
          sessions.map((session) => session.transactionId),
        )
      ).map((transfer) => transfer.transactionId),
    );
    const lost = sessions.filter((session) => !known.has(session.transactionId));
    for (const session of lost) await this.transferJob.request(tenantId, session);
    return lost.length;
  }
}
