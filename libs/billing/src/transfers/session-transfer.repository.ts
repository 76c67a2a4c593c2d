import { Connection, ConnectionArgs, TenantId, definedOnly } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SessionTransfer } from './session-transfer';
import { SessionTransferDocument } from './schemas/session-transfer.schema';

type TransferFields = Partial<Omit<SessionTransfer, 'transactionId' | 'tenantId' | 'refusals'>>;

const MAX_WAITING = 500;

@Injectable()
export class SessionTransferRepository extends TenantRepository<SessionTransferDocument, SessionTransfer> {
  constructor(@InjectModel(SessionTransferDocument.name) model: Model<SessionTransferDocument>) {
    super(model);
  }

  /** Records the session's transfer as it now stands (created on the first call). */
  async save(
    tenantId: TenantId,
    transactionId: string,
    fields: TransferFields & { invoiceId: string },
  ): Promise<SessionTransfer> {
    const unset = fields.reason === undefined ? { $unset: { reason: 1 } } : {};
    const stored = await this.updateOne(
      tenantId,
      { _id: transactionId },
      { $set: definedOnly(fields), $setOnInsert: { refusals: 0 }, ...unset },
      { upsert: true },
    );
    return stored!;
  }

  async noteRefusal(tenantId: TenantId, transactionId: string, reason: string): Promise<void> {
    await this.model
      .updateOne(this.scope(tenantId, { _id: transactionId }), {
        $set: { status: 'FAILED', reason },
        $inc: { refusals: 1 },
      })
      .exec();
  }

  waitingFor(tenantId: TenantId, accountId: string): Promise<SessionTransfer[]> {
    return this.findMany(tenantId, { status: 'WAITING', accountId }, MAX_WAITING);
  }

  page(
    tenantId: TenantId,
    filter: { accountId?: string },
    args: ConnectionArgs,
  ): Promise<Connection<SessionTransfer>> {
    return this.findPage(tenantId, filter.accountId ? { accountId: filter.accountId } : {}, args, {
      field: 'createdAt',
      direction: -1,
    });
  }

  protected toEntity(doc: Lean<SessionTransferDocument>): SessionTransfer {
    return {
      transactionId: doc._id,
      tenantId: doc.tenantId,
      invoiceId: doc.invoiceId,
      status: doc.status,
      reason: doc.reason,
      accountId: doc.accountId,
      currency: doc.currency,
      collected: doc.collected,
      platformFee: doc.platformFee,
      amount: doc.amount,
      transferId: doc.transferId,
      refusals: doc.refusals ?? 0,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    };
  }
}
