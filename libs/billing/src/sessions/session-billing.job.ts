import { TenantId, asTenantId } from '@csms/common';
import { Job, JobHandler, JobHandlers, JobResult } from '@csms/database';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { BillingAccountService } from '../accounts/billing-account.service';
import { InvoicePayments } from '../invoices/invoice-payments';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { Invoicing } from '../invoices/invoicing';
import { ProviderRefusal } from '../provider/billing-provider.port';
import {
  BillingAccess,
  BillingNotConfiguredError,
  BillingSettingsService,
} from '../settings/billing-settings.service';
import { BilledSession, invoiceLinesOf, notBilledReason } from './invoice-lines';
import { SessionBilling } from './session-billing';
import { SessionBillingRepository } from './session-billing.repository';

export const SESSION_BILLING_QUEUE = 'billing.session';

/**
 * Bills one stopped session, step by step, each step stored before the next so that a retry resumes
 * where the last attempt stopped: the plan (its lines), the customer, one invoice item per line (each
 * with an idempotency key of the session and dimension), then the invoice and its payment. Periodic
 * billing stops at the plan: the month's invoice (PeriodicBillingJob) takes the session.
 * One job at a time: a customer's pending items are never gathered by two invoices at once.
 */
@Injectable()
export class SessionBillingJob extends JobHandler<BilledSession> implements OnModuleInit {
  readonly queue = SESSION_BILLING_QUEUE;
  override readonly concurrency = 1;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly settings: BillingSettingsService,
    private readonly accounts: BillingAccountService,
    private readonly sessions: SessionBillingRepository,
    private readonly invoices: InvoiceRepository,
    private readonly invoicing: Invoicing,
    private readonly payments: InvoicePayments,
  ) {
    super();
  }

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(job: Job<BilledSession>): Promise<JobResult | void> {
    const tenantId = asTenantId(job.tenantId);
    const session = job.payload;
    let access: BillingAccess;
    try {
      access = await this.settings.gateway(tenantId);
    } catch (error) {
      if (!(error instanceof BillingNotConfiguredError)) throw error;
      await this.sessions.plan(tenantId, {
        transactionId: session.transactionId,
        userId: session.userId,
        status: 'unbilled',
        reason: error.message,
        lines: [],
      });
      return;
    }
    const record = await this.planOf(tenantId, access, session);
    if (record.status !== 'pending' || record.invoiceId) return this.payIfOpen(tenantId, access, record);
    if (!access.settings.immediateBilling) return; // Invoiced with the month's sessions (PeriodicBillingJob).
    try {
      const customerId = await this.accounts.ensureCustomer(tenantId, session.userId, access);
      await this.invoicing.createItems(tenantId, access, customerId, record);
      await this.invoicing.invoiceAndPay(tenantId, access, {
        userId: session.userId,
        customerId,
        transactionIds: [session.transactionId],
        description: `Charging session ${session.transactionId} at ${session.chargingStationId}`,
        key: `session:${session.transactionId}`,
      });
    } catch (error) {
      if (!(error instanceof ProviderRefusal)) throw error;
      // Refused for good (a bad request, a customer gone): retrying cannot help; an admin looks.
      await this.sessions.setStatus(tenantId, [session.transactionId], 'failed', error.message);
      return { outcome: 'failed', reason: error.message };
    }
  }

  /** The session's stored plan, made on the first attempt (unbilled when it is free or not priced). */
  private async planOf(
    tenantId: TenantId,
    access: BillingAccess,
    session: BilledSession,
  ): Promise<SessionBilling> {
    const known = await this.sessions.findById(tenantId, session.transactionId);
    if (known) return known;
    const reason = notBilledReason(session, access.settings);
    return this.sessions.plan(tenantId, {
      transactionId: session.transactionId,
      userId: session.userId,
      chargingStationId: session.chargingStationId,
      status: reason ? 'unbilled' : 'pending',
      reason: reason ?? undefined,
      currency: session.price?.currency,
      stoppedAt: new Date(session.stoppedAt),
      lines:
        reason || !session.price ? [] : invoiceLinesOf(session.price, access.settings.taxRatePercent ?? 0),
    });
  }

  /** A retry after the invoice was created: its payment, when it is still to be made. */
  private async payIfOpen(tenantId: TenantId, access: BillingAccess, record: SessionBilling): Promise<void> {
    if (!record.invoiceId || record.status !== 'pending') return;
    const invoice = await this.invoices.findById(tenantId, record.invoiceId);
    if (
      invoice &&
      (invoice.status === 'draft' || invoice.status === 'open') &&
      invoice.paymentAttempts === 0
    ) {
      await this.payments.pay(tenantId, access, invoice);
    }
  }
}
