import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository, newId } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OcpiMessage } from './models/ocpi-message.model';
import { OcpiMessageDocument } from './schemas/ocpi-message.schema';

export type OcpiMessageRecord = Omit<OcpiMessageDocument, '_id'>;

@Injectable()
export class OcpiMessageRepository extends TenantRepository<OcpiMessageDocument, OcpiMessage> {
  constructor(@InjectModel(OcpiMessageDocument.name) model: Model<OcpiMessageDocument>) {
    super(model);
  }

  /** One bulk insert per batch; each record carries its own tenant. */
  async insertBatch(records: readonly OcpiMessageRecord[]): Promise<void> {
    await this.model.collection.insertMany(
      records.map((record) => ({ _id: newId() as never, ...record })),
      { ordered: false, ignoreUndefined: true },
    );
  }

  /** Newest first. */
  page(
    tenantId: TenantId,
    partnerId: string | undefined,
    args: ConnectionArgs,
  ): Promise<Connection<OcpiMessage>> {
    return this.findPage(tenantId, partnerId ? { partnerId } : {}, args, { field: 'at', direction: -1 });
  }

  /** Retention: deletes what was logged before `before`. */
  async deleteBefore(tenantId: TenantId, before: Date): Promise<number> {
    return (await this.model.deleteMany(this.scope(tenantId, { at: { $lt: before } })).exec()).deletedCount;
  }

  protected toEntity(doc: Lean<OcpiMessageDocument>): OcpiMessage {
    return {
      id: doc._id,
      partnerId: doc.partnerId,
      direction: doc.direction,
      method: doc.method,
      url: doc.url,
      module: doc.module,
      requestId: doc.requestId,
      correlationId: doc.correlationId,
      httpStatus: doc.httpStatus,
      ocpiStatus: doc.ocpiStatus,
      statusMessage: doc.statusMessage,
      error: doc.error,
      requestBytes: doc.requestBytes,
      responseBytes: doc.responseBytes,
      latencyMs: doc.latencyMs,
      timestamp: doc.at,
    };
  }
}
