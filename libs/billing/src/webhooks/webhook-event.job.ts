import { TenantId, asTenantId } from '@csms/common';
import { Job, JobHandler, JobHandlers, JobResult } from '@csms/database';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { BillingAccountService } from '../accounts/billing-account.service';
import { ConnectedAccountService } from '../connect/connected-account.service';
import { InvoicePayments } from '../invoices/invoice-payments';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { ProviderEvent, ProviderRefusal } from '../provider/billing-provider.port';
import { BillingNotConfiguredError, BillingSettingsService } from '../settings/billing-settings.service';
import { HandledEvents } from './handled-events';

export const WEBHOOK_EVENT_QUEUE = 'billing.webhook';

/** What the job keeps of a verified event (dates as ISO text). */
export type StoredEvent = Omit<ProviderEvent, 'createdAt'> & { createdAt: string };

/**
 * Handles a verified provider event once: its id is recorded after it is handled, and a redelivery
 * finds it there. Events may come in any order, so none is applied as it says: each makes billing read
 * the object's current state from the provider (the invoice, the customer's cards) and keep that.
 */
@Injectable()
export class WebhookEventJob extends JobHandler<StoredEvent> implements OnModuleInit {
  readonly queue = WEBHOOK_EVENT_QUEUE;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly handled: HandledEvents,
    private readonly settings: BillingSettingsService,
    private readonly accounts: BillingAccountService,
    private readonly connectedAccounts: ConnectedAccountService,
    private readonly invoices: InvoiceRepository,
    private readonly payments: InvoicePayments,
  ) {
    super();
  }

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(job: Job<StoredEvent>): Promise<JobResult | void> {
    const tenantId = asTenantId(job.tenantId);
    const event = job.payload;
    if (await this.handled.has(tenantId, event.id)) return;
    try {
      await this.apply(tenantId, event);
    } catch (error) {
      if (error instanceof BillingNotConfiguredError) return { outcome: 'failed', reason: error.message };
      if (!(error instanceof ProviderRefusal)) throw error;
    }
    await this.handled.add(tenantId, event.id, event.type);
  }

  private async apply(tenantId: TenantId, event: StoredEvent): Promise<void> {
    switch (event.type) {
      case 'invoice.paid':
      case 'invoice.payment_succeeded':
      case 'invoice.payment_failed':
      case 'invoice.finalized':
      case 'invoice.voided':
      case 'invoice.marked_uncollectible':
        if (event.objectId) await this.invoiceChanged(tenantId, event.objectId);
        return;
      case 'payment_method.attached':
      case 'payment_method.detached':
      case 'payment_method.updated': {
        const customerId = event.customerId ?? event.previousCustomerId;
        if (customerId) await this.accounts.refreshCustomer(tenantId, customerId);
        return;
      }
      case 'setup_intent.succeeded':
        if (event.customerId && event.paymentMethodId) {
          await this.accounts.cardCollected(tenantId, event.customerId, event.paymentMethodId);
        }
        return;
      case 'account.updated':
        // A connected account's onboarding or capabilities changed: its state is read again.
        if (event.objectId) await this.connectedAccounts.refresh(tenantId, event.objectId);
        return;
      case 'customer.deleted':
        if (event.customerId) await this.accounts.customerDeleted(tenantId, event.customerId);
        return;
      default:
        return;
    }
  }

  /** One of our invoices changed at the provider (paid there, a provider retry): its copy and sessions follow. */
  private async invoiceChanged(tenantId: TenantId, invoiceId: string): Promise<void> {
    const known = await this.invoices.findById(tenantId, invoiceId);
    if (!known) return;
    const access = await this.settings.gateway(tenantId);
    const current = await access.gateway.getInvoice(invoiceId);
    await this.payments.follow(tenantId, known, current);
  }
}
