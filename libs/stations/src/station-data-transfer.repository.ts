import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { StationDataTransferDocument } from './schemas/station-data-transfer.schema';

export interface StationDataTransfer {
  id: string;
  chargingStationId: string;
  vendorId: string;
  messageId?: string;
  data?: string;
  status: string;
  responseData?: string;
  createdAt?: Date;
}

@Injectable()
export class StationDataTransferRepository extends TenantRepository<
  StationDataTransferDocument,
  StationDataTransfer
> {
  constructor(@InjectModel(StationDataTransferDocument.name) model: Model<StationDataTransferDocument>) {
    super(model);
  }

  record(
    tenantId: TenantId,
    transfer: Omit<StationDataTransfer, 'id' | 'createdAt'>,
  ): Promise<StationDataTransfer> {
    return this.insert(tenantId, transfer);
  }

  listForStation(tenantId: TenantId, chargingStationId: string): Promise<StationDataTransfer[]> {
    return this.findMany(tenantId, { chargingStationId });
  }

  /** Retention: deletes the transfers received before `before`; returns how many. */
  async deleteReceivedBefore(tenantId: TenantId, before: Date): Promise<number> {
    const result = await this.model.deleteMany(this.scope(tenantId, { createdAt: { $lt: before } })).exec();
    return result.deletedCount;
  }

  protected toEntity(doc: Lean<StationDataTransferDocument>): StationDataTransfer {
    return {
      id: doc._id,
      chargingStationId: doc.chargingStationId,
      vendorId: doc.vendorId,
      messageId: doc.messageId,
      data: doc.data,
      status: doc.status,
      responseData: doc.responseData,
      createdAt: doc.createdAt,
    };
  }
}
