import { APP_CONFIG, AppConfig, TenantId, asTenantId } from '@csms/common';
import { Job, JobHandler, JobHandlers, JobQueue, JobResult } from '@csms/database';
import { TenantService } from '@csms/users';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { BillingAccountService } from '../accounts/billing-account.service';
import { InvoicePayments } from '../invoices/invoice-payments';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { Invoicing } from '../invoices/invoicing';
import { ProviderRefusal } from '../provider/billing-provider.port';
import { LostStopReconciliation } from '../sessions/lost-stop-reconciliation';
import { LostTransferReconciliation } from '../transfers/lost-transfer-reconciliation';
import { SessionBilling } from '../sessions/session-billing';
import { SessionBillingRepository } from '../sessions/session-billing.repository';
import {
  BillingAccess,
  BillingNotConfiguredError,
  BillingSettingsService,
} from '../settings/billing-settings.service';
import { BillingSettingsRepository } from '../settings/billing-settings.repository';
import { billingPeriodOf } from './billing-period';

export const PERIODIC_BILLING_QUEUE = 'billing.periodic';
const PERIODIC_KEY = 'periodic';
/** Sessions and invoices handled per run; the rest waits for the next run. */
const BATCH = 200;

/**
 * A tenant's recurring billing run, a persistent job that reschedules itself every
 * BILLING_JOB_INTERVAL_SECONDS, run by one instance at a time under the housekeeping lock (JobLeases):
 * - periodic billing: each user's sessions of the months before this one (months of the tenant's time
 *   zone) become one invoice, charged;
 * - every tenant: unpaid (open) invoices are charged again every BILLING_PAYMENT_RETRY_HOURS, at most
 *   BILLING_PAYMENT_MAX_ATTEMPTS times, the driver told of each outcome.
 * - every tenant: stopped, priced sessions without a billing record (their stop event was lost) are
 *   billed (LostStopReconciliation), and paid sessions without a Connect transfer record get their
 *   transfer (LostTransferReconciliation).
 * Enabling or changing the settings runs it at once.
 */
@Injectable()
export class PeriodicBillingJob
  extends JobHandler<Record<string, never>>
  implements OnModuleInit, OnApplicationBootstrap
{
  readonly queue = PERIODIC_BILLING_QUEUE;
  override readonly concurrency = 1;
  private readonly logger = new Logger(PeriodicBillingJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: JobHandlers,
    private readonly jobs: JobQueue,
    private readonly settings: BillingSettingsService,
    private readonly settingsStore: BillingSettingsRepository,
    private readonly accounts: BillingAccountService,
    private readonly sessions: SessionBillingRepository,
    private readonly invoices: InvoiceRepository,
    private readonly invoicing: Invoicing,
    private readonly payments: InvoicePayments,
    private readonly tenants: TenantService,
    private readonly lostStops: LostStopReconciliation,
    private readonly lostTransfers: LostTransferReconciliation,
  ) {
    super();
  }

  onModuleInit(): void {
    this.handlers.register(this);
    this.settings.onChange((tenantId) => this.schedule(tenantId));
  }

  /** Every billing tenant has its run (kept by key: one per tenant). */
  async onApplicationBootstrap(): Promise<void> {
    for (const tenantId of await this.settingsStore.enabledTenants()) await this.schedule(tenantId);
  }

  /** Runs the tenant's billing now (and from then on at the interval). */
  async schedule(tenantId: TenantId): Promise<void> {
    await this.jobs.enqueue(tenantId, PERIODIC_BILLING_QUEUE, {}, { key: PERIODIC_KEY });
  }

  async handle(job: Job): Promise<JobResult> {
    const tenantId = asTenantId(job.tenantId);
    const next = {
      outcome: 'again' as const,
      at: new Date(Date.now() + this.config.BILLING_JOB_INTERVAL_SECONDS * 1000),
    };
    let access: BillingAccess;
    try {
      access = await this.settings.gateway(tenantId);
    } catch (error) {
      // Billing off: the run ends here until the settings change again.
      if (error instanceof BillingNotConfiguredError) return { outcome: 'done' };
      throw error;
    }
    await this.lostStops.run(tenantId, access.settings);
    if (!access.settings.immediateBilling) await this.invoiceMonths(tenantId, access);
    await this.retryPayments(tenantId, access);
    await this.lostTransfers.run(tenantId);
    return next;
  }

  /** Each user's sessions stopped before this month, gathered in one invoice per user and month. */
  private async invoiceMonths(tenantId: TenantId, access: BillingAccess): Promise<void> {
    const timeZone = await this.tenants.timeZoneOf(tenantId);
    const period = billingPeriodOf(new Date(), timeZone);
    const waiting = await this.sessions.awaitingInvoice(tenantId, period.start, BATCH);
    const byUser = new Map<string, SessionBilling[]>();
    for (const record of waiting) byUser.set(record.userId, [...(byUser.get(record.userId) ?? []), record]);
    for (const [userId, records] of byUser) {
      const months = [
        ...new Set(records.map((record) => billingPeriodOf(record.stoppedAt!, timeZone).key)),
      ].sort();
      const transactionIds = records.map((record) => record.transactionId).sort();
      try {
        const customerId = await this.accounts.ensureCustomer(tenantId, userId, access);
        for (const record of records) await this.invoicing.createItems(tenantId, access, customerId, record);
        await this.invoicing.invoiceAndPay(tenantId, access, {
          userId,
          customerId,
          transactionIds,
          description: `Charging sessions of ${months.join(', ')}`,
          key: `monthly:${userId}:${months.join('+')}:${transactionIds.length}:${transactionIds[0]}`,
        });
      } catch (error) {
        if (!(error instanceof ProviderRefusal)) throw error;
        this.logger.warn({ err: error, tenantId, userId }, 'Monthly invoice refused by the provider');
        await this.sessions.setStatus(tenantId, transactionIds, 'failed', error.message);
      }
    }
  }

  private async retryPayments(tenantId: TenantId, access: BillingAccess): Promise<void> {
    const before = new Date(Date.now() - this.config.BILLING_PAYMENT_RETRY_HOURS * 3_600_000);
    const due = await this.invoices.dueForRetry(
      tenantId,
      before,
      this.config.BILLING_PAYMENT_MAX_ATTEMPTS,
      BATCH,
    );
    for (const invoice of due) {
      try {
        await this.payments.pay(tenantId, access, invoice);
      } catch (error) {
        if (!(error instanceof ProviderRefusal)) throw error;
        await this.invoices.notePaymentAttempt(tenantId, invoice.id, error.message);
      }
    }
  }
}
