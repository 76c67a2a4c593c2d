import { Connection, ConnectionArgs, TenantId, asTenantId } from '@csms/common';
import { Lean, TenantRepository, newId } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RoamingProtocol } from '../partners/roaming-partner';
import { NewOutboxMessage, OutboxMessage, OutboxStatus } from './outbox-message';
import { OutboxMessageDocument } from './schemas/outbox-message.schema';

export interface AttemptResult {
  attempts: number;
  at: Date;
  error?: string;
  httpStatus?: number;
  protocolStatus?: number;
}

@Injectable()
export class OutboxRepository extends TenantRepository<OutboxMessageDocument, OutboxMessage> {
  constructor(@InjectModel(OutboxMessageDocument.name) model: Model<OutboxMessageDocument>) {
    super(model);
  }

  /** One insert for the messages of a change to several partners; ids ascend in the given order. */
  async add(
    tenantId: TenantId,
    protocol: RoamingProtocol,
    partnerIds: readonly string[],
    message: NewOutboxMessage,
  ): Promise<void> {
    if (!partnerIds.length) return;
    const now = new Date();
    await this.model.collection.insertMany(
      partnerIds.map((partnerId) => ({
        _id: newId() as never,
        tenantId,
        partnerId,
        protocol,
        objectKey: message.objectKey,
        kind: message.kind,
        payload: message.payload,
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })),
      { ordered: true },
    );
  }

  /**
   * Pending messages due by `now`, oldest first, of every tenant: the one query here not scoped to a
   * tenant, because one dispatcher delivers for all of them.
   */
  async findDue(now: Date, limit: number): Promise<OutboxMessage[]> {
    const docs = await this.model
      .find({ status: 'PENDING', nextAttemptAt: { $lte: now } })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Lean<OutboxMessageDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  /** Whether an older message for the same object and partner is still pending (it goes first). */
  async hasOlderPending(message: OutboxMessage): Promise<boolean> {
    const older = await this.model
      .findOne(
        this.scope(message.tenantId, {
          partnerId: message.partnerId,
          objectKey: message.objectKey,
          status: 'PENDING',
          _id: { $lt: message.id },
        }),
        { _id: 1 },
      )
      .lean()
      .exec();
    return older !== null;
  }

  /** Whether a message for the object is still pending for the partner (a periodic push need not pile up). */
  async hasPending(tenantId: TenantId, partnerId: string, objectKey: string): Promise<boolean> {
    const pending = await this.model
      .findOne(this.scope(tenantId, { partnerId, objectKey, status: 'PENDING' }), { _id: 1 })
      .lean()
      .exec();
    return pending !== null;
  }

  /** Delivered messages are not kept: the OCPI message log has the exchange. */
  async delivered(message: OutboxMessage): Promise<void> {
    await this.deleteOne(message.tenantId, { _id: message.id });
  }

  async retryLater(message: OutboxMessage, result: AttemptResult, nextAttemptAt: Date): Promise<void> {
    await this.updateOne(
      message.tenantId,
      { _id: message.id, status: 'PENDING' },
      {
        $set: { ...this.attemptFields(result), nextAttemptAt },
      },
    );
  }

  async finish(message: OutboxMessage, status: OutboxStatus, result: AttemptResult): Promise<void> {
    await this.updateOne(
      message.tenantId,
      { _id: message.id, status: 'PENDING' },
      {
        $set: { ...this.attemptFields(result), status, finishedAt: result.at },
      },
    );
  }

  /**
   * Holds back everything pending for a partner until `until` (it is down): the dispatcher's reads of
   * due messages then see other partners' messages, not a long queue it cannot deliver yet.
   */
  async postpone(tenantId: TenantId, partnerId: string, until: Date): Promise<void> {
    await this.model
      .updateMany(this.scope(tenantId, { partnerId, status: 'PENDING', nextAttemptAt: { $lt: until } }), {
        $set: { nextAttemptAt: until },
      })
      .exec();
  }

  /** Everything pending for a partner that is gone: CANCELLED. */
  async cancelPending(tenantId: TenantId, partnerId: string, reason: string): Promise<number> {
    const result = await this.model
      .updateMany(this.scope(tenantId, { partnerId, status: 'PENDING' }), {
        $set: { status: 'CANCELLED', finishedAt: new Date(), lastError: reason },
      })
      .exec();
    return result.modifiedCount;
  }

  /** Puts a finished message back in the queue, now (an operator's retry). */
  async requeue(tenantId: TenantId, id: string): Promise<OutboxMessage | null> {
    return this.updateOne(
      tenantId,
      { _id: id, status: { $in: ['REJECTED', 'FAILED', 'CANCELLED'] } },
      {
        $set: { status: 'PENDING', nextAttemptAt: new Date() },
        $unset: { finishedAt: 1 },
      },
    );
  }

  /** Newest first. */
  page(
    tenantId: TenantId,
    filter: { partnerId?: string; status?: OutboxStatus },
    args: ConnectionArgs,
  ): Promise<Connection<OutboxMessage>> {
    const query = {
      ...(filter.partnerId ? { partnerId: filter.partnerId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    return this.findPage(tenantId, query, args, { field: '_id', direction: -1 });
  }

  countOf(tenantId: TenantId, partnerId: string, status: OutboxStatus): Promise<number> {
    return this.count(tenantId, { partnerId, status });
  }

  /** Retention: deletes the rejected, failed and cancelled messages finished before `before`. */
  async deleteFinishedBefore(tenantId: TenantId, before: Date): Promise<number> {
    const result = await this.model
      .deleteMany(this.scope(tenantId, { status: { $ne: 'PENDING' }, finishedAt: { $lt: before } }))
      .exec();
    return result.deletedCount;
  }

  private attemptFields(result: AttemptResult): Record<string, unknown> {
    return {
      attempts: result.attempts,
      lastAttemptAt: result.at,
      lastError: result.error,
      lastHttpStatus: result.httpStatus,
      lastProtocolStatus: result.protocolStatus,
    };
  }

  protected toEntity(doc: Lean<OutboxMessageDocument>): OutboxMessage {
    return {
      id: doc._id,
      tenantId: asTenantId(doc.tenantId),
      partnerId: doc.partnerId,
      protocol: doc.protocol,
      objectKey: doc.objectKey,
      kind: doc.kind,
      payload: doc.payload,
      status: doc.status,
      attempts: doc.attempts,
      nextAttemptAt: doc.nextAttemptAt,
      createdAt: doc.createdAt,
      lastAttemptAt: doc.lastAttemptAt,
      finishedAt: doc.finishedAt,
      lastError: doc.lastError,
      lastHttpStatus: doc.lastHttpStatus,
      lastProtocolStatus: doc.lastProtocolStatus,
    };
  }
}
