import { asTenantId } from '@csms/common';
import { Transaction } from '@csms/transactions';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { TransactionBilling } from './models/transaction-billing.model';
import { SessionBillingRepository } from './session-billing.repository';

/** Transaction.billing: null until billing heard of the session (active, or billing off). */
@Resolver(() => Transaction)
export class TransactionBillingResolver {
  constructor(
    private readonly sessions: SessionBillingRepository,
    private readonly invoices: InvoiceRepository,
  ) {}

  @ResolveField(() => TransactionBilling, { nullable: true })
  async billing(@Parent() transaction: Transaction): Promise<TransactionBilling | null> {
    const record = await this.sessions.ofTransaction(asTenantId(transaction.tenantId), transaction.id);
    if (!record) return null;
    const invoice = record.invoiceId
      ? await this.invoices.findById(asTenantId(transaction.tenantId), record.invoiceId)
      : null;
    return {
      status: record.status,
      reason: record.reason,
      invoiceId: record.invoiceId,
      invoiceNumber: invoice?.number,
    };
  }
}
