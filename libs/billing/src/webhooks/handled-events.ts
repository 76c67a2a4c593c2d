import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { WebhookEventDocument } from './schemas/webhook-event.schema';

/** The provider events already handled, by id. */
@Injectable()
export class HandledEvents {
  constructor(@InjectModel(WebhookEventDocument.name) private readonly model: Model<WebhookEventDocument>) {}

  async has(tenantId: TenantId, eventId: string): Promise<boolean> {
    return (await this.model.countDocuments({ _id: `${tenantId}:${eventId}`, tenantId }).exec()) > 0;
  }

  async add(tenantId: TenantId, eventId: string, type: string): Promise<void> {
    await this.model
      .updateOne({ _id: `${tenantId}:${eventId}`, tenantId }, { $set: { type } }, { upsert: true })
      .exec();
  }
}
