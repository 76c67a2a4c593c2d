import { TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import {
  FrontendLinks,
  NotificationService,
  NotificationType,
  RecipientDirectory,
} from '@csms/notifications';
import { minorUnitsOf } from '@csms/pricing';
import { Injectable, Logger } from '@nestjs/common';
import { ProviderInvoice } from '../provider/billing-provider.port';
import { BillingAccess } from '../settings/billing-settings.service';
import { SessionBillingRepository } from '../sessions/session-billing.repository';
import { Invoice } from './invoice';
import { INVOICE_UPDATED } from './invoice-events';
import { InvoiceRepository } from './invoice.repository';

function fromMinor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorUnitsOf(currency);
}

/**
 * Charges invoices and keeps their local copy: the invoice and its sessions take the outcome, and
 * the driver is told (paid, or payment failed) in their language.
 */
@Injectable()
export class InvoicePayments {
  private readonly logger = new Logger(InvoicePayments.name);

  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly sessions: SessionBillingRepository,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
    private readonly events: EventBus,
  ) {}

  /** The provider's invoice copied here. */
  async mirror(
    tenantId: TenantId,
    invoice: ProviderInvoice,
    owner: { userId: string; transactionIds: string[] },
  ): Promise<Invoice> {
    const stored = await this.invoices.save(tenantId, {
      id: invoice.id,
      userId: owner.userId,
      customerId: invoice.customerId ?? '',
      number: invoice.number,
      status: invoice.status,
      amount: fromMinor(invoice.totalMinor, invoice.currency),
      currency: invoice.currency,
      createdAt: invoice.createdAt,
      paidAt: invoice.paidAt,
      downloadUrl: invoice.pdfUrl ?? invoice.hostedUrl,
      transactionIds: owner.transactionIds,
      lines: invoice.lines.map((line) => ({
        description: line.description,
        amount: fromMinor(line.amountMinor, invoice.currency),
        transactionId: line.metadata.transactionId,
        dimension: line.metadata.dimension,
      })),
    });
    await this.events.publish(domainEvent(INVOICE_UPDATED, tenantId, stored));
    return stored;
  }

  /**
   * One payment attempt (its idempotency key numbers the attempt, so a retried request is the same
   * attempt); resolves with the invoice as it is after it.
   */
  async pay(tenantId: TenantId, access: BillingAccess, invoice: Invoice): Promise<Invoice> {
    const attempt = await access.gateway.payInvoice(invoice.id, {
      idempotencyKey: `${tenantId}:pay:${invoice.id}:${invoice.paymentAttempts + 1}`,
    });
    await this.invoices.notePaymentAttempt(tenantId, invoice.id, attempt.paid ? undefined : attempt.failure);
    const stored = await this.mirror(tenantId, attempt.invoice, invoice);
    await this.sessions.setStatus(
      tenantId,
      invoice.transactionIds,
      attempt.paid ? 'billed' : 'failed',
      attempt.paid ? undefined : `Payment failed: ${attempt.failure ?? 'declined'}`,
    );
    this.tell(tenantId, stored, attempt.paid).catch((error: unknown) =>
      this.logger.warn({ err: error, tenantId, invoiceId: invoice.id }, 'Could not notify about an invoice'),
    );
    return { ...stored, paymentAttempts: invoice.paymentAttempts + 1 };
  }

  /**
   * The provider's current view of one of our invoices (a webhook: paid elsewhere, a provider retry):
   * its copy and its sessions follow; the driver is told when it became paid.
   */
  async follow(tenantId: TenantId, known: Invoice, current: ProviderInvoice): Promise<void> {
    const stored = await this.mirror(tenantId, current, known);
    if (current.status === 'paid') {
      await this.sessions.setStatus(tenantId, known.transactionIds, 'billed');
    } else if (current.status === 'void' || current.status === 'uncollectible') {
      await this.sessions.setStatus(tenantId, known.transactionIds, 'failed', `Invoice ${current.status}`);
    }
    if (current.status === 'paid' && known.status !== 'paid') {
      this.tell(tenantId, stored, true).catch((error: unknown) =>
        this.logger.warn({ err: error, tenantId, invoiceId: known.id }, 'Could not notify about an invoice'),
      );
    }
  }

  private async tell(tenantId: TenantId, invoice: Invoice, paid: boolean): Promise<void> {
    const recipient = await this.recipients.findRecipient(tenantId, invoice.userId);
    if (!recipient) return;
    const data = {
      invoiceNumber: invoice.number,
      amount: invoice.amount,
      currency: invoice.currency,
      link: this.links.to(tenantId, '/billing/invoices', { invoiceId: invoice.id }),
    };
    this.notifications.notify(
      recipient,
      paid ? NotificationType.INVOICE_PAID : NotificationType.INVOICE_PAYMENT_FAILED,
      data,
    );
  }
}
