import { TenantId } from '@csms/common';
import { isDuplicateKeyError, Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { TransactionCounterDocument } from './schemas/transaction-counter.schema';

@Injectable()
export class TransactionCounterRepository extends TenantRepository<TransactionCounterDocument, number> {
  /** Per-tenant queue: FerretDB's findAndModify is not atomic under concurrency, so this process serializes. */
  private readonly queues = new Map<TenantId, Promise<unknown>>();

  constructor(@InjectModel(TransactionCounterDocument.name) model: Model<TransactionCounterDocument>) {
    super(model);
  }

  /** The next transaction id of the tenant: one atomic $inc, the counter created on first use. */
  next(tenantId: TenantId): Promise<number> {
    const previous = this.queues.get(tenantId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.increment(tenantId));
    this.queues.set(tenantId, next);
    void next
      .finally(() => {
        if (this.queues.get(tenantId) === next) this.queues.delete(tenantId);
      })
      .catch(() => undefined);
    return next;
  }

  private async increment(tenantId: TenantId): Promise<number> {
    const filter = { _id: `transaction:${tenantId}` };
    try {
      return (await this.updateOne(tenantId, filter, { $inc: { seq: 1 } }, { upsert: true }))!;
    } catch (error) {
      // Two first-ever upserts raced (another instance); the loser's retry finds the counter.
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.updateOne(tenantId, filter, { $inc: { seq: 1 } }, { upsert: true }))!;
    }
  }

  protected toEntity(doc: Lean<TransactionCounterDocument>): number {
    return doc.seq;
  }
}
