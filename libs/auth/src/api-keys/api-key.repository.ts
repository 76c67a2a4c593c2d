import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { ApiKey } from './models/api-key.model';
import { ApiKeyStatus } from './models/api-key-status';
import { ApiKeyDocument } from './schemas/api-key.schema';

export type NewApiKey = Pick<
  ApiKeyDocument,
  | 'name'
  | 'secretHash'
  | 'prefix'
  | 'role'
  | 'siteAdminSiteIds'
  | 'siteOwnerSiteIds'
  | 'rateLimitPerMinute'
  | 'expiresAt'
  | 'createdById'
  | 'createdByLabel'
>;

export interface ApiKeyFilter {
  status?: ApiKeyStatus;
  /** Active keys expiring before this time. */
  expiringBefore?: Date;
}

/** One use of a key, as recorded (the latest per key wins). */
export interface ApiKeyUse {
  tenantId: TenantId;
  id: string;
  at: Date;
  ip?: string;
}

/** A tenant never has more keys than an admin could read in one list. */
const MAX_LISTED = 1000;

@Injectable()
export class ApiKeyRepository extends TenantRepository<ApiKeyDocument, ApiKey> {
  constructor(@InjectModel(ApiKeyDocument.name) model: Model<ApiKeyDocument>) {
    super(model);
  }

  create(tenantId: TenantId, fields: NewApiKey): Promise<ApiKey> {
    return this.insert(tenantId, fields);
  }

  findBySecretHash(tenantId: TenantId, secretHash: string): Promise<ApiKey | null> {
    return this.findOne(tenantId, { secretHash });
  }

  /** Newest first. */
  async list(tenantId: TenantId, filter: ApiKeyFilter, now: Date): Promise<ApiKey[]> {
    const docs = await this.model
      .find(this.scope(tenantId, this.filterOf(filter, now)))
      .sort({ createdAt: -1, _id: -1 })
      .limit(MAX_LISTED)
      .lean<Lean<ApiKeyDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  /** Revokes the key unless it is already; null when it was (or does not exist). */
  revoke(tenantId: TenantId, id: string, at: Date, byId: string): Promise<ApiKey | null> {
    return this.updateOne(
      tenantId,
      { _id: id, revokedAt: { $exists: false } },
      { $set: { revokedAt: at, revokedById: byId } },
    );
  }

  /** One bulk write for the uses of many keys, each carrying its tenant. */
  async recordUses(uses: readonly ApiKeyUse[]): Promise<void> {
    if (uses.length === 0) return;
    await this.model.bulkWrite(
      uses.map((use) => ({
        updateOne: {
          filter: { _id: use.id, tenantId: use.tenantId },
          update: { $set: { lastUsedAt: use.at, ...(use.ip ? { lastUsedIp: use.ip } : {}) } },
        },
      })),
      { ordered: false },
    );
  }

  /** Active keys expiring by `before` whose admins have not been reminded yet. */
  dueForReminder(tenantId: TenantId, now: Date, before: Date): Promise<ApiKey[]> {
    return this.findMany(tenantId, {
      revokedAt: { $exists: false },
      expiresAt: { $gt: now, $lte: before },
      expiryReminderSentAt: { $exists: false },
    });
  }

  async markReminded(tenantId: TenantId, id: string, at: Date): Promise<void> {
    await this.updateOne(tenantId, { _id: id }, { $set: { expiryReminderSentAt: at } });
  }

  private filterOf(filter: ApiKeyFilter, now: Date): FilterQuery<ApiKeyDocument> {
    const conditions: FilterQuery<ApiKeyDocument>[] = [];
    if (filter.status === ApiKeyStatus.REVOKED) conditions.push({ revokedAt: { $exists: true } });
    if (filter.status === ApiKeyStatus.EXPIRED) {
      conditions.push({ revokedAt: { $exists: false }, expiresAt: { $lte: now } });
    }
    if (filter.status === ApiKeyStatus.ACTIVE || filter.expiringBefore) {
      conditions.push({ revokedAt: { $exists: false }, expiresAt: { $gt: now } });
    }
    if (filter.expiringBefore) conditions.push({ expiresAt: { $lte: filter.expiringBefore } });
    return conditions.length ? { $and: conditions } : {};
  }

  protected toEntity(doc: Lean<ApiKeyDocument>): ApiKey {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      name: doc.name,
      prefix: doc.prefix,
      role: doc.role,
      siteAdminSiteIds: doc.siteAdminSiteIds ?? [],
      siteOwnerSiteIds: doc.siteOwnerSiteIds ?? [],
      ownRateLimitPerMinute: doc.rateLimitPerMinute,
      createdAt: doc.createdAt ?? new Date(0),
      expiresAt: doc.expiresAt,
      lastUsedAt: doc.lastUsedAt,
      lastUsedIp: doc.lastUsedIp,
      revokedAt: doc.revokedAt,
      createdBy: doc.createdByLabel,
      createdById: doc.createdById,
    };
  }
}
