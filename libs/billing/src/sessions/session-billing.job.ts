import { TenantId, asTenantId } from '@csms/common';
import { Job, JobHandler, JobHandlers, JobResult } from '@csms/database';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { BillingAccountService } from '../accounts/billing-account.service';
import { InvoicePayments } from '../invoices/invoice-payments';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { TaxRates } from '../invoices/tax-rates/tax-rates';
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
 * with an idempotency key of the session and dimension), then — billing immediately — the invoice and
 * its payment. Periodic billing leaves the items for the month's invoice (MonthlyInvoicing).
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
    private readonly taxRates: TaxRates,
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
    try {
      const customerId = await this.accounts.ensureCustomer(tenantId, session.userId, access);
      await this.createItems(tenantId, access, customerId, record);
      if (!access.settings.immediateBilling) return;
      const invoice = await access.gateway.createInvoice({
        customerId,
        description: `Charging session ${session.transactionId} at ${session.chargingStationId}`,
        metadata: { tenantId, transactionIds: session.transactionId },
        idempotencyKey: `${tenantId}:invoice:${session.transactionId}`,
      });
      await this.sessions.setInvoice(tenantId, [session.transactionId], invoice.id);
      const mirrored = await this.payments.mirror(tenantId, invoice, {
        userId: session.userId,
        transactionIds: [session.transactionId],
      });
      await this.payments.pay(tenantId, access, mirrored);
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
      status: reason ? 'unbilled' : 'pending',
      reason: reason ?? undefined,
      currency: session.price?.currency,
      lines:
        reason || !session.price ? [] : invoiceLinesOf(session.price, access.settings.taxRatePercent ?? 0),
    });
  }

  private async createItems(
    tenantId: TenantId,
    access: BillingAccess,
    customerId: string,
    record: SessionBilling,
  ): Promise<void> {
    for (const line of record.lines) {
      if (record.itemIds[line.dimension]) continue;
      const taxRateId = await this.taxRates.idOf(tenantId, access, line.taxPercent);
      const itemId = await access.gateway.createInvoiceItem({
        customerId,
        currency: record.currency ?? access.settings.currency!,
        amountMinor: line.amountMinor,
        description: line.description,
        taxRateIds: [taxRateId],
        metadata: { tenantId, transactionId: record.transactionId, dimension: line.dimension },
        idempotencyKey: `${tenantId}:item:${record.transactionId}:${line.dimension}`,
      });
      await this.sessions.setItemId(tenantId, record.transactionId, line.dimension, itemId);
    }
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
