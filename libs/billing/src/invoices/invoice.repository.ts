import { ConnectionArgs, Connection, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Invoice } from './invoice';
import { InvoiceDocument } from './schemas/invoice.schema';

@Injectable()
export class InvoiceRepository extends TenantRepository<InvoiceDocument, Invoice> {
  constructor(@InjectModel(InvoiceDocument.name) model: Model<InvoiceDocument>) {
    super(model);
  }

  /** Stores the provider's view of an invoice (created, paid, failed), keeping our own fields. */
  async save(tenantId: TenantId, invoice: Omit<Invoice, 'tenantId' | 'paymentAttempts'>): Promise<Invoice> {
    const { id, ...fields } = invoice;
    const stored = await this.updateOne(tenantId, { _id: id }, { $set: fields }, { upsert: true });
    return stored!;
  }

  async notePaymentAttempt(tenantId: TenantId, id: string, error?: string): Promise<void> {
    await this.model
      .updateOne(
        this.scope(tenantId, { _id: id }),
        error
          ? {
              $inc: { paymentAttempts: 1 },
              $set: { lastPaymentError: error, lastPaymentAttemptAt: new Date() },
            }
          : {
              $inc: { paymentAttempts: 1 },
              $set: { lastPaymentAttemptAt: new Date() },
              $unset: { lastPaymentError: 1 },
            },
      )
      .exec();
  }

  page(tenantId: TenantId, filter: { userId?: string }, args: ConnectionArgs): Promise<Connection<Invoice>> {
    return this.findPage(tenantId, filter.userId ? { userId: filter.userId } : {}, args, {
      field: 'createdAt',
      direction: -1,
    });
  }

  /** Unpaid (open) invoices last charged before `before`, with attempts left. */
  dueForRetry(tenantId: TenantId, before: Date, maxAttempts: number, limit: number): Promise<Invoice[]> {
    return this.findMany(
      tenantId,
      { status: 'open', paymentAttempts: { $lt: maxAttempts }, lastPaymentAttemptAt: { $lt: before } },
      limit,
    );
  }

  /** Invoices paid since `since` (the transfers' reconciliation). */
  paidSince(tenantId: TenantId, since: Date, limit: number): Promise<Invoice[]> {
    return this.findMany(tenantId, { status: 'paid', paidAt: { $gte: since } }, limit);
  }

  protected toEntity(doc: Lean<InvoiceDocument>): Invoice {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      userId: doc.userId,
      customerId: doc.customerId,
      number: doc.number,
      status: doc.status,
      amount: doc.amount,
      currency: doc.currency,
      createdAt: doc.createdAt,
      paidAt: doc.paidAt,
      downloadUrl: doc.downloadUrl,
      transactionIds: doc.transactionIds ?? [],
      lines: doc.lines ?? [],
      paymentAttempts: doc.paymentAttempts ?? 0,
      lastPaymentError: doc.lastPaymentError,
      lastPaymentAttemptAt: doc.lastPaymentAttemptAt,
    };
  }
}
