import { TenantId, asTenantId } from '@csms/common';
import { Job, JobHandler, JobHandlers, JobQueue, JobResult } from '@csms/database';
import { minorUnitsOf } from '@csms/pricing';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConnectedAccount } from '../connect/connected-account';
import { ConnectedAccountService } from '../connect/connected-account.service';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { ProviderRefusal } from '../provider/billing-provider.port';
import { SessionBillingRepository } from '../sessions/session-billing.repository';
import {
  BillingAccess,
  BillingNotConfiguredError,
  BillingSettingsService,
} from '../settings/billing-settings.service';
import { transferAmountsOf } from './platform-fee';
import { SETTLED_TRANSFER_STATUSES } from './session-transfer';
import { SessionTransferRepository } from './session-transfer.repository';

export const SESSION_TRANSFER_QUEUE = 'billing.transfer';

export interface TransferRequest {
  transactionId: string;
  invoiceId: string;
}

/**
 * Pays a paid session out to the connected account of its site (or the site's company): what the
 * driver paid minus the tenant's platform fee, tied to the invoice's charge. The transfer's request
 * is keyed by the session (and the number of refused attempts, which made nothing), so a retry after
 * the provider made it but before we stored it is answered with the same transfer: never twice.
 */
@Injectable()
export class SessionTransferJob extends JobHandler<TransferRequest> implements OnModuleInit {
  readonly queue = SESSION_TRANSFER_QUEUE;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly jobs: JobQueue,
    private readonly settings: BillingSettingsService,
    private readonly connect: ConnectedAccountService,
    private readonly sessions: SessionBillingRepository,
    private readonly invoices: InvoiceRepository,
    private readonly transfers: SessionTransferRepository,
  ) {
    super();
  }

  onModuleInit(): void {
    this.handlers.register(this);
    // Transfers that waited for an account's onboarding go once it can receive them.
    this.connect.onActivation((tenantId, account) => this.releaseWaiting(tenantId, account));
  }

  /** Stores the session's transfer as a job (keyed by the session: asking twice is one job). */
  async request(tenantId: TenantId, request: TransferRequest): Promise<void> {
    await this.jobs.enqueue(tenantId, SESSION_TRANSFER_QUEUE, request, { key: request.transactionId });
  }

  async handle(job: Job<TransferRequest>): Promise<JobResult | void> {
    const tenantId = asTenantId(job.tenantId);
    const { transactionId, invoiceId } = job.payload;
    const known = await this.transfers.findById(tenantId, transactionId);
    if (known && SETTLED_TRANSFER_STATUSES.includes(known.status)) return;
    const [record, invoice] = await Promise.all([
      this.sessions.findById(tenantId, transactionId),
      this.invoices.findById(tenantId, invoiceId),
    ]);
    if (!record || invoice?.status !== 'paid')
      return { outcome: 'failed', reason: 'The session is not paid' };
    const skip = (reason: string) =>
      this.transfers.save(tenantId, transactionId, { invoiceId, status: 'NOT_TRANSFERRED', reason });
    let access: BillingAccess;
    try {
      access = await this.settings.gateway(tenantId);
    } catch (error) {
      if (!(error instanceof BillingNotConfiguredError)) throw error;
      return { outcome: 'failed', reason: error.message };
    }
    const account = record.chargingStationId
      ? await this.connect.destinationOf(tenantId, record.chargingStationId)
      : null;
    if (!account) return void (await skip('No connected account for the session’s site or its company'));
    const currency = record.currency ?? access.settings.currency!;
    const amounts = transferAmountsOf(
      record.lines,
      { flat: access.settings.platformFeeFlat, percent: access.settings.platformFeePercent },
      currency,
    );
    const inUnits = (minor: number) => minor / 10 ** minorUnitsOf(currency);
    const planned = {
      invoiceId,
      accountId: account.id,
      currency,
      collected: inUnits(amounts.collectedMinor),
      platformFee: inUnits(amounts.feeMinor),
      amount: inUnits(amounts.transferMinor),
    };
    if (amounts.transferMinor <= 0) {
      await this.transfers.save(tenantId, transactionId, {
        ...planned,
        status: 'NOT_TRANSFERRED',
        reason: 'The platform fee covers the session',
      });
      return;
    }
    if (!account.transfersEnabled) {
      await this.transfers.save(tenantId, transactionId, {
        ...planned,
        status: 'WAITING',
        reason: 'The connected account has not completed onboarding',
      });
      return;
    }
    const stored = await this.transfers.save(tenantId, transactionId, { ...planned, status: 'PENDING' });
    try {
      const { chargeId } = await access.gateway.getInvoice(invoiceId);
      const transferId = await access.gateway.createTransfer({
        destination: account.id,
        amountMinor: amounts.transferMinor,
        currency,
        sourceChargeId: chargeId,
        group: `invoice:${invoiceId}`,
        metadata: { tenantId, transactionId, invoiceId },
        idempotencyKey: `${tenantId}:transfer:${transactionId}:${stored.refusals}`,
      });
      await this.transfers.save(tenantId, transactionId, { invoiceId, status: 'TRANSFERRED', transferId });
    } catch (error) {
      if (!(error instanceof ProviderRefusal)) throw error;
      await this.transfers.noteRefusal(tenantId, transactionId, error.message);
      return { outcome: 'failed', reason: error.message };
    }
  }

  private async releaseWaiting(tenantId: TenantId, account: ConnectedAccount): Promise<void> {
    for (const waiting of await this.transfers.waitingFor(tenantId, account.id)) {
      await this.request(tenantId, { transactionId: waiting.transactionId, invoiceId: waiting.invoiceId });
    }
  }
}
