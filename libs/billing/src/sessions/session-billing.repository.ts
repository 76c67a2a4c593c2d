import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SessionBilling, SessionBillingStatus } from './session-billing';
import { SessionBillingDocument } from './schemas/session-billing.schema';

@Injectable()
export class SessionBillingRepository extends TenantRepository<SessionBillingDocument, SessionBilling> {
  /** Transactions' billing read together (a page of sessions) is one query. */
  private readonly byTransaction = this.batchedBy('_id');

  constructor(@InjectModel(SessionBillingDocument.name) model: Model<SessionBillingDocument>) {
    super(model);
  }

  async ofTransaction(tenantId: TenantId, transactionId: string): Promise<SessionBilling | null> {
    const [doc] = await this.byTransaction.load({ tenantId, value: transactionId });
    return doc ? this.toEntity(doc) : null;
  }

  /** The session's plan, stored once: a plan already there (a retry) is kept as it is. */
  async plan(
    tenantId: TenantId,
    record: Pick<
      SessionBilling,
      | 'transactionId'
      | 'userId'
      | 'chargingStationId'
      | 'status'
      | 'reason'
      | 'currency'
      | 'stoppedAt'
      | 'lines'
    >,
  ): Promise<SessionBilling> {
    const { transactionId, ...fields } = record;
    const stored = await this.updateOne(
      tenantId,
      { _id: transactionId },
      { $setOnInsert: fields },
      { upsert: true },
    );
    return stored!;
  }

  async setItemId(
    tenantId: TenantId,
    transactionId: string,
    dimension: string,
    itemId: string,
  ): Promise<void> {
    await this.model
      .updateOne(this.scope(tenantId, { _id: transactionId }), { $set: { [`itemIds.${dimension}`]: itemId } })
      .exec();
  }

  async setInvoice(tenantId: TenantId, transactionIds: string[], invoiceId: string): Promise<void> {
    await this.model
      .updateMany(this.scope(tenantId, { _id: { $in: transactionIds } }), { $set: { invoiceId } })
      .exec();
  }

  async setStatus(
    tenantId: TenantId,
    transactionIds: string[],
    status: SessionBillingStatus,
    reason?: string,
  ): Promise<void> {
    await this.model
      .updateMany(
        this.scope(tenantId, { _id: { $in: transactionIds } }),
        reason ? { $set: { status, reason } } : { $set: { status }, $unset: { reason: 1 } },
      )
      .exec();
  }

  /** Sessions stopped before `before` whose items wait for their monthly invoice (every user). */
  awaitingInvoice(tenantId: TenantId, before: Date, limit: number): Promise<SessionBilling[]> {
    return this.findMany(
      tenantId,
      { status: 'pending', invoiceId: { $exists: false }, stoppedAt: { $lt: before } },
      limit,
    );
  }

  /** A user's sessions not invoiced yet (their month's invoice is to come), oldest first. */
  async awaitingInvoiceOf(tenantId: TenantId, userId: string, limit: number): Promise<SessionBilling[]> {
    const records = await this.findMany(
      tenantId,
      { userId, status: 'pending', invoiceId: { $exists: false } },
      limit,
    );
    return records.sort((a, b) => (a.stoppedAt?.getTime() ?? 0) - (b.stoppedAt?.getTime() ?? 0));
  }

  protected toEntity(doc: Lean<SessionBillingDocument>): SessionBilling {
    return {
      transactionId: doc._id,
      tenantId: doc.tenantId,
      userId: doc.userId,
      chargingStationId: doc.chargingStationId,
      status: doc.status,
      reason: doc.reason,
      currency: doc.currency,
      stoppedAt: doc.stoppedAt,
      lines: doc.lines ?? [],
      itemIds: doc.itemIds ?? {},
      invoiceId: doc.invoiceId,
      updatedAt: doc.updatedAt,
    };
  }
}
