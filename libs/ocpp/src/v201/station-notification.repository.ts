import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { StationNotificationDocument } from './schemas/station-notification.schema';

export interface StationNotification {
  id: string;
  chargingStationId: string;
  action: string;
  payload: Record<string, unknown>;
  receivedAt?: Date;
}

const MAX_LISTED = 500;

@Injectable()
export class StationNotificationRepository extends TenantRepository<
  StationNotificationDocument,
  StationNotification
> {
  constructor(@InjectModel(StationNotificationDocument.name) model: Model<StationNotificationDocument>) {
    super(model);
  }

  record(
    tenantId: TenantId,
    chargingStationId: string,
    action: string,
    payload: object,
  ): Promise<StationNotification> {
    return this.insert(tenantId, { chargingStationId, action, payload: { ...payload } });
  }

  /** Retention: deletes the reports received before `before`; returns how many. */
  async deleteReceivedBefore(tenantId: TenantId, before: Date): Promise<number> {
    const result = await this.model.deleteMany(this.scope(tenantId, { receivedAt: { $lt: before } })).exec();
    return result.deletedCount;
  }

  /** Newest first. */
  async listForStation(
    tenantId: TenantId,
    chargingStationId: string,
    action?: string,
    limit = 100,
  ): Promise<StationNotification[]> {
    const docs = await this.model
      .find(this.scope(tenantId, { chargingStationId, ...(action ? { action } : {}) }))
      .sort({ receivedAt: -1, _id: -1 })
      .limit(Math.min(Math.max(limit, 1), MAX_LISTED))
      .lean<Lean<StationNotificationDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  protected toEntity(doc: Lean<StationNotificationDocument>): StationNotification {
    return {
      id: doc._id,
      chargingStationId: doc.chargingStationId,
      action: doc.action,
      payload: doc.payload,
      receivedAt: doc.receivedAt,
    };
  }
}
