import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { PartnerModule, PartnerObjectDocument } from './schemas/partner-object.schema';

export interface PartnerObject {
  id: string;
  partnerId: string;
  module: PartnerModule;
  countryCode: string;
  partyId: string;
  objectId: string;
  version: string;
  data: Record<string, unknown>;
  userId?: string;
  lastUpdated: Date;
}

export interface PartnerObjectKey {
  partnerId: string;
  module: PartnerModule;
  countryCode: string;
  partyId: string;
  objectId: string;
}

function normalized(key: PartnerObjectKey): PartnerObjectKey {
  return {
    ...key,
    countryCode: key.countryCode.toUpperCase(),
    partyId: key.partyId.toUpperCase(),
    objectId: key.objectId.toUpperCase(),
  };
}

@Injectable()
export class PartnerObjectRepository extends TenantRepository<PartnerObjectDocument, PartnerObject> {
  constructor(@InjectModel(PartnerObjectDocument.name) model: Model<PartnerObjectDocument>) {
    super(model);
  }

  find(tenantId: TenantId, key: PartnerObjectKey): Promise<PartnerObject | null> {
    return this.findOne(tenantId, normalized(key));
  }

  /** Stores the object; true when it was new. */
  async save(
    tenantId: TenantId,
    key: PartnerObjectKey,
    fields: { version: string; data: Record<string, unknown>; userId?: string; lastUpdated: Date },
  ): Promise<boolean> {
    const scoped = normalized(key);
    const existed = await this.model.exists(this.scope(tenantId, scoped)).exec();
    await this.updateOne(tenantId, scoped, { $set: { ...fields, ...scoped } }, { upsert: true });
    return !existed;
  }

  remove(tenantId: TenantId, key: PartnerObjectKey): Promise<boolean> {
    return this.deleteOne(tenantId, normalized(key));
  }

  page(
    tenantId: TenantId,
    module: PartnerModule,
    filter: FilterQuery<PartnerObjectDocument>,
    args: ConnectionArgs,
  ): Promise<Connection<PartnerObject>> {
    return this.findPage(tenantId, { ...filter, module }, args, { field: '_id', direction: 1 });
  }

  protected toEntity(doc: Lean<PartnerObjectDocument>): PartnerObject {
    return {
      id: doc._id,
      partnerId: doc.partnerId,
      module: doc.module,
      countryCode: doc.countryCode,
      partyId: doc.partyId,
      objectId: doc.objectId,
      version: doc.version,
      data: doc.data,
      userId: doc.userId,
      lastUpdated: doc.lastUpdated,
    };
  }
}
