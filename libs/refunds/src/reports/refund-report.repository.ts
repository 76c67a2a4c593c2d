import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RefundEntry, RefundReport, RefundStatus } from './refund-report';
import { RefundReportDocument } from './schemas/refund-report.schema';

@Injectable()
export class RefundReportRepository extends TenantRepository<RefundReportDocument, RefundReport> {
  constructor(@InjectModel(RefundReportDocument.name) model: Model<RefundReportDocument>) {
    super(model);
  }

  create(
    tenantId: TenantId,
    report: { id: string; userId: string; name: string; entries: RefundEntry[] },
  ): Promise<RefundReport> {
    return this.insert(tenantId, {
      _id: report.id,
      userId: report.userId,
      name: report.name,
      entries: report.entries,
      status: 'PENDING',
    } as never);
  }

  async setConcurReportId(tenantId: TenantId, id: string, concurReportId: string): Promise<void> {
    await this.model.updateOne(this.scope(tenantId, { _id: id }), { $set: { concurReportId } }).exec();
  }

  /** Concur's id of the report's entry at `index`. */
  async setEntryId(tenantId: TenantId, id: string, index: number, concurEntryId: string): Promise<void> {
    await this.model
      .updateOne(this.scope(tenantId, { _id: id }), { $set: { [`concurEntryIds.${index}`]: concurEntryId } })
      .exec();
  }

  /** Moves the report on; `from` guards against a late writer moving it back. */
  async setStatus(
    tenantId: TenantId,
    id: string,
    from: RefundStatus,
    change: { status: RefundStatus; concurStatus?: string; reason?: string; at: Date },
  ): Promise<boolean> {
    const decided = !['PENDING', 'SUBMITTED'].includes(change.status);
    const result = await this.model
      .updateOne(this.scope(tenantId, { _id: id, status: from }), {
        $set: {
          status: change.status,
          ...(change.concurStatus ? { concurStatus: change.concurStatus } : {}),
          ...(change.reason ? { reason: change.reason } : {}),
          ...(change.status === 'SUBMITTED' ? { submittedAt: change.at } : {}),
          ...(decided ? { decidedAt: change.at } : {}),
        },
      })
      .exec();
    return result.modifiedCount > 0;
  }

  async noteConcurStatus(tenantId: TenantId, id: string, concurStatus: string): Promise<void> {
    await this.model.updateOne(this.scope(tenantId, { _id: id }), { $set: { concurStatus } }).exec();
  }

  /** A user's reports, newest first. */
  pageOfUser(tenantId: TenantId, userId: string, args: ConnectionArgs): Promise<Connection<RefundReport>> {
    return this.findPage(tenantId, { userId }, args, { field: 'createdAt', direction: -1 });
  }

  protected toEntity(doc: Lean<RefundReportDocument>): RefundReport {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      userId: doc.userId,
      name: doc.name,
      status: doc.status,
      entries: (doc.entries ?? []).map((entry, index) => ({
        ...entry,
        concurEntryId: doc.concurEntryIds?.[String(index)],
      })),
      concurReportId: doc.concurReportId,
      concurStatus: doc.concurStatus,
      reason: doc.reason,
      createdAt: doc.createdAt,
      submittedAt: doc.submittedAt,
      decidedAt: doc.decidedAt,
    };
  }
}
