import { TenantId } from '@csms/common';
import { isDuplicateKeyError } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { TemplateApplicationLeaseDocument } from '../schemas/template-application-lease.schema';

/**
 * A time-limited claim on applying a template to one station, for stations no instance owns (SOAP
 * stations, reached over HTTP from any instance): the first instance to take it applies.
 */
@Injectable()
export class TemplateApplicationLeaseRepository {
  constructor(
    @InjectModel(TemplateApplicationLeaseDocument.name)
    private readonly model: Model<TemplateApplicationLeaseDocument>,
  ) {}

  /** Whether `holder` now holds the lease (none held it, or the last holder's expired). */
  async acquire(tenantId: TenantId, stationId: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    try {
      // An expired lease is taken over; a live one makes the upsert insert a duplicate _id and fail.
      await this.model
        .updateOne(
          { _id: this.keyOf(tenantId, stationId), expiresAt: { $lte: new Date(now) } },
          { $set: { holder, expiresAt: new Date(now + ttlMs) } },
          { upsert: true },
        )
        .exec();
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async release(tenantId: TenantId, stationId: string, holder: string): Promise<void> {
    await this.model.deleteOne({ _id: this.keyOf(tenantId, stationId), holder }).exec();
  }

  private keyOf(tenantId: TenantId, stationId: string): string {
    return `${tenantId}/${stationId}`;
  }
}
