import { TenantId, asTenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OutgoingMail } from '../mail/mail-sender';
import { NotificationJobDocument } from './schemas/notification-job.schema';

export interface StoredJob {
  id: string;
  tenantId: TenantId;
  mail: OutgoingMail;
  attempts: number;
}

@Injectable()
export class NotificationJobRepository extends TenantRepository<NotificationJobDocument, StoredJob> {
  constructor(@InjectModel(NotificationJobDocument.name) model: Model<NotificationJobDocument>) {
    super(model);
  }

  async add(tenantId: TenantId, mail: OutgoingMail): Promise<string> {
    return (await this.insert(tenantId, { ...mail, attempts: 0 })).id;
  }

  async recordAttempt(
    tenantId: TenantId,
    id: string,
    attempts: number,
    error: string,
    final: boolean,
  ): Promise<void> {
    const set = final ? { attempts, lastError: error, failedAt: new Date() } : { attempts, lastError: error };
    await this.updateOne(tenantId, { _id: id }, { $set: set });
  }

  async remove(tenantId: TenantId, id: string): Promise<void> {
    await this.deleteOne(tenantId, { _id: id });
  }

  /** Retention: deletes the jobs given up on before `before` (sent ones are deleted at once). */
  async deleteFailedBefore(tenantId: TenantId, before: Date): Promise<number> {
    return (await this.model.deleteMany(this.scope(tenantId, { failedAt: { $lt: before } })).exec())
      .deletedCount;
  }

  /**
   * Jobs still to send, of every tenant: the one query here not scoped to a tenant, because the
   * queue recovers all pending work after a restart.
   */
  async findAllPending(limit = 1000): Promise<StoredJob[]> {
    const docs = await this.model
      .find({ failedAt: { $exists: false } })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<Lean<NotificationJobDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  protected toEntity(doc: Lean<NotificationJobDocument>): StoredJob {
    return {
      id: doc._id,
      tenantId: asTenantId(doc.tenantId),
      mail: { to: doc.to, subject: doc.subject, text: doc.text, html: doc.html },
      attempts: doc.attempts,
    };
  }
}
