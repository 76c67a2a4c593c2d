import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { BillingAccess } from '../settings/billing-settings.service';
import { SessionBilling } from '../sessions/session-billing';
import { SessionBillingRepository } from '../sessions/session-billing.repository';
import { Invoice } from './invoice';
import { InvoicePayments } from './invoice-payments';
import { TaxRates } from './tax-rates/tax-rates';

/**
 * Turns planned sessions into a paid (or open) invoice, every step keyed so that a retry repeats no
 * request: one invoice item per line (key: session and dimension, remembered once created), then one
 * invoice of the customer's pending items (key: what it invoices), then its payment.
 */
@Injectable()
export class Invoicing {
  constructor(
    private readonly sessions: SessionBillingRepository,
    private readonly taxRates: TaxRates,
    private readonly payments: InvoicePayments,
  ) {}

  async createItems(
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

  /** Invoices the sessions' items (created before) and charges the invoice once. */
  async invoiceAndPay(
    tenantId: TenantId,
    access: BillingAccess,
    invoice: {
      userId: string;
      customerId: string;
      transactionIds: string[];
      description: string;
      key: string;
    },
  ): Promise<Invoice> {
    const created = await access.gateway.createInvoice({
      customerId: invoice.customerId,
      description: invoice.description,
      metadata: {
        tenantId,
        userId: invoice.userId,
        transactionIds: invoice.transactionIds.join(',').slice(0, 500),
      },
      idempotencyKey: `${tenantId}:invoice:${invoice.key}`,
    });
    await this.sessions.setInvoice(tenantId, invoice.transactionIds, created.id);
    const mirrored = await this.payments.mirror(tenantId, created, invoice);
    return this.payments.pay(tenantId, access, mirrored);
  }
}
