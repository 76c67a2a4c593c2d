import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { AuditActorType, AuditRecord } from './audit-entry';
import { AuditEntry } from './models/audit-entry.model';
import { AuditEntryDocument } from './schemas/audit-entry.schema';

/** What the log is searched by (all optional, all combined). */
export interface AuditFilter {
  targetId?: string;
  targetType?: string;
  actorId?: string;
  action?: string;
  outcome?: string;
  /** At or after. */
  from?: Date;
  /** Before. */
  to?: Date;
}

/** Domain field names that differ in storage, for accessibleQuery. */
export const AUDIT_FIELD_NAMES = { id: '_id' };

/**
 * The audit log's storage: append and read, nothing else, except retention's delete of old entries
 * (the application has no path to change or remove one entry).
 */
@Injectable()
export class AuditEntryRepository extends TenantRepository<AuditEntryDocument, AuditEntry> {
  constructor(@InjectModel(AuditEntryDocument.name) model: Model<AuditEntryDocument>) {
    super(model);
  }

  /** One unordered bulk insert; each record carries its tenant and its own id (set by the writer). */
  async append(records: readonly AuditRecord[]): Promise<void> {
    await this.model.collection.insertMany(
      records.map((record) => ({ ...record }) as never),
      {
        ordered: false,
        ignoreUndefined: true,
      },
    );
  }

  /** Newest first, within what the caller may see (`accessible`, its accessibleQuery). */
  page(
    tenantId: TenantId,
    accessible: FilterQuery<AuditEntryDocument>,
    filter: AuditFilter,
    args: ConnectionArgs,
  ): Promise<Connection<AuditEntry>> {
    return this.findPage(tenantId, this.filterOf(accessible, filter), args, { field: 'at', direction: -1 });
  }

  /**
   * Every matching entry, newest first, read through a database cursor: for exports of any size
   * (the audit log's CSV), without holding the log in memory.
   */
  async *stream(
    tenantId: TenantId,
    accessible: FilterQuery<AuditEntryDocument>,
    filter: AuditFilter,
  ): AsyncGenerator<AuditEntry> {
    const cursor = this.model
      .find(this.scope(tenantId, this.filterOf(accessible, filter)))
      .sort({ at: -1, _id: -1 })
      .lean<Lean<AuditEntryDocument>>()
      .cursor({ batchSize: 500 });
    try {
      for await (const doc of cursor) yield this.toEntity(doc);
    } finally {
      await cursor.close();
    }
  }

  /** How many entries `stream` would give, for an export's progress. */
  countMatching(
    tenantId: TenantId,
    accessible: FilterQuery<AuditEntryDocument>,
    filter: AuditFilter,
  ): Promise<number> {
    return this.count(tenantId, this.filterOf(accessible, filter));
  }

  /** Retention (housekeeping): deletes the tenant's entries older than `before`; returns how many. */
  async deleteBefore(tenantId: TenantId, before: Date): Promise<number> {
    return (await this.model.deleteMany(this.scope(tenantId, { at: { $lt: before } })).exec()).deletedCount;
  }

  private filterOf(
    accessible: FilterQuery<AuditEntryDocument>,
    filter: AuditFilter,
  ): FilterQuery<AuditEntryDocument> {
    const conditions: FilterQuery<AuditEntryDocument>[] = [accessible];
    for (const field of ['targetId', 'targetType', 'actorId', 'action', 'outcome'] as const) {
      if (filter[field] !== undefined) conditions.push({ [field]: filter[field] });
    }
    if (filter.from || filter.to) {
      conditions.push({
        at: { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lt: filter.to }) },
      });
    }
    return { $and: conditions };
  }

  protected toEntity(doc: Lean<AuditEntryDocument>): AuditEntry {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      at: doc.at,
      actorType: doc.actorType as AuditActorType | undefined,
      actorId: doc.actorId,
      actorLabel: doc.actorLabel,
      actorRole: doc.actorRole,
      action: doc.action,
      targetType: doc.targetType,
      targetId: doc.targetId,
      outcome: doc.outcome,
      errorCode: doc.errorCode,
      ip: doc.ip,
      changes: doc.changes,
      ocppCalls: doc.ocppCalls ?? [],
    };
  }
}
