import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { PartnerTokenDocument, PartnerTokenKind } from './schemas/partner-token.schema';

export interface PartnerTokenEntry {
  partnerId: string;
  kind: PartnerTokenKind;
}

/** Our tokens that partners present, by digest (see PartnerTokenDocument). Every method takes the tenant. */
@Injectable()
export class PartnerTokenRepository {
  constructor(@InjectModel(PartnerTokenDocument.name) private readonly model: Model<PartnerTokenDocument>) {}

  async add(tenantId: TenantId, partnerId: string, digest: string, kind: PartnerTokenKind): Promise<void> {
    await this.model.create({ _id: digest, tenantId, partnerId, kind });
  }

  async find(tenantId: TenantId, digest: string): Promise<PartnerTokenEntry | null> {
    const doc = await this.model.findOne({ _id: digest, tenantId }).lean<PartnerTokenDocument>().exec();
    return doc ? { partnerId: doc.partnerId, kind: doc.kind } : null;
  }

  async remove(tenantId: TenantId, digest: string): Promise<void> {
    await this.model.deleteOne({ _id: digest, tenantId }).exec();
  }

  /** The digests of the partner's tokens (of `kind`), for forgetting them from caches before removal. */
  async digestsOf(tenantId: TenantId, partnerId: string, kind?: PartnerTokenKind): Promise<string[]> {
    const docs = await this.model
      .find({ tenantId, partnerId, ...(kind ? { kind } : {}) }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return docs.map((doc) => doc._id);
  }

  async removeAll(tenantId: TenantId, partnerId: string, kind?: PartnerTokenKind): Promise<void> {
    await this.model.deleteMany({ tenantId, partnerId, ...(kind ? { kind } : {}) }).exec();
  }
}
