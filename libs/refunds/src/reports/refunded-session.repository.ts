import { TenantId } from '@csms/common';
import { Lean, TenantRepository, isDuplicateKeyError } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RELEASING_STATUSES, RefundStatus } from './refund-report';
import { RefundedSessionDocument } from './schemas/refunded-session.schema';

export interface RefundedSession {
  transactionId: string;
  userId: string;
  reportId: string;
  status: RefundStatus;
}

function claimId(tenantId: string, transactionId: string): string {
  return `${tenantId}|${transactionId}`;
}

/** Which report each session is in: one live report at a time, guarded by the unique _id. */
@Injectable()
export class RefundedSessionRepository extends TenantRepository<RefundedSessionDocument, RefundedSession> {
  private readonly byTransaction = this.batchedBy('transactionId');

  constructor(@InjectModel(RefundedSessionDocument.name) model: Model<RefundedSessionDocument>) {
    super(model);
  }

  async ofTransaction(tenantId: TenantId, transactionId: string): Promise<RefundedSession | null> {
    const [doc] = await this.byTransaction.load({ tenantId, value: transactionId });
    return doc ? this.toEntity(doc) : null;
  }

  /**
   * Claims every session for `reportId`, or none: a session in a live report (or claimed at the same
   * moment by another request) makes the whole claim fail, and resolves with those sessions' ids.
   * A session whose last refund was rejected, cancelled or failed is claimed again.
   */
  async claim(
    tenantId: TenantId,
    userId: string,
    reportId: string,
    transactionIds: readonly string[],
  ): Promise<string[]> {
    const claimed: string[] = [];
    const refused: string[] = [];
    for (const transactionId of transactionIds) {
      if (await this.claimOne(tenantId, userId, reportId, transactionId)) claimed.push(transactionId);
      else refused.push(transactionId);
    }
    if (refused.length) await this.release(tenantId, reportId, claimed);
    return refused;
  }

  async setStatus(tenantId: TenantId, reportId: string, status: RefundStatus): Promise<void> {
    await this.model.updateMany(this.scope(tenantId, { reportId }), { $set: { status } }).exec();
  }

  private async claimOne(
    tenantId: TenantId,
    userId: string,
    reportId: string,
    transactionId: string,
  ): Promise<boolean> {
    const _id = claimId(tenantId, transactionId);
    try {
      await this.model.collection.insertOne({
        _id: _id as never,
        tenantId,
        transactionId,
        userId,
        reportId,
        status: 'PENDING',
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // Taken over only from a released refund, in one conditional write: two requests cannot both win.
    const retaken = await this.model
      .updateOne(this.scope(tenantId, { _id, status: { $in: RELEASING_STATUSES } }), {
        $set: { reportId, userId, status: 'PENDING' },
      })
      .exec();
    return retaken.modifiedCount > 0;
  }

  /** Undoes a partial claim: the sessions it took are released (as a failed refund would). */
  private async release(tenantId: TenantId, reportId: string, transactionIds: string[]): Promise<void> {
    if (!transactionIds.length) return;
    await this.model
      .updateMany(
        this.scope(tenantId, {
          reportId,
          _id: { $in: transactionIds.map((id) => claimId(tenantId, id)) },
        }),
        { $set: { status: 'FAILED' } },
      )
      .exec();
  }

  protected toEntity(doc: Lean<RefundedSessionDocument>): RefundedSession {
    return {
      transactionId: doc.transactionId,
      userId: doc.userId,
      reportId: doc.reportId,
      status: doc.status,
    };
  }
}
