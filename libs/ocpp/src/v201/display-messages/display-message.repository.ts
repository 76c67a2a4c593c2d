import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DisplayMessageDocument } from './schemas/display-message.schema';

export interface DisplayMessage {
  chargingStationId: string;
  messageId: number;
  priority: string;
  state?: string;
  startDateTime?: Date;
  endDateTime?: Date;
  transactionId?: string;
  format: string;
  language?: string;
  content: string;
  source: 'Set' | 'Reported';
  updatedAt?: Date;
}

const MAX_LISTED = 500;

/** The display messages of 2.0.1 stations, one document per station and message id. */
@Injectable()
export class DisplayMessageRepository extends TenantRepository<DisplayMessageDocument, DisplayMessage> {
  constructor(@InjectModel(DisplayMessageDocument.name) model: Model<DisplayMessageDocument>) {
    super(model);
  }

  /** Writes the messages (a message id already there is replaced, as on the station). */
  async upsertMany(tenantId: TenantId, messages: DisplayMessage[]): Promise<void> {
    if (!messages.length) return;
    await this.model.bulkWrite(
      messages.map((message) => ({
        replaceOne: {
          filter: { tenantId, chargingStationId: message.chargingStationId, messageId: message.messageId },
          replacement: { ...message, tenantId, updatedAt: new Date() } as unknown as DisplayMessageDocument,
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** Deletes one message, those of one transaction, or all but the ones kept. */
  async remove(
    tenantId: TenantId,
    chargingStationId: string,
    selection: { messageId: number } | { transactionId: string } | { keep: number[] },
  ): Promise<void> {
    const filter =
      'keep' in selection
        ? { chargingStationId, messageId: { $nin: selection.keep } }
        : { chargingStationId, ...selection };
    await this.model.deleteMany(this.scope(tenantId, filter)).exec();
  }

  async listForStation(tenantId: TenantId, chargingStationId: string): Promise<DisplayMessage[]> {
    const docs = await this.model
      .find(this.scope(tenantId, { chargingStationId }))
      .sort({ messageId: 1 })
      .limit(MAX_LISTED)
      .lean<Lean<DisplayMessageDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  protected toEntity(doc: Lean<DisplayMessageDocument>): DisplayMessage {
    return {
      chargingStationId: doc.chargingStationId,
      messageId: doc.messageId,
      priority: doc.priority,
      state: doc.state ?? undefined,
      startDateTime: doc.startDateTime ?? undefined,
      endDateTime: doc.endDateTime ?? undefined,
      transactionId: doc.transactionId ?? undefined,
      format: doc.format,
      language: doc.language ?? undefined,
      content: doc.content,
      source: doc.source === 'Reported' ? 'Reported' : 'Set',
      updatedAt: doc.updatedAt,
    };
  }
}
