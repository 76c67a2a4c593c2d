import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OcpiIdentity } from './models/roaming-identity.model';
import { RoamingIdentityDocument } from './schemas/roaming-identity.schema';

@Injectable()
export class RoamingIdentityRepository extends TenantRepository<RoamingIdentityDocument, OcpiIdentity> {
  constructor(@InjectModel(RoamingIdentityDocument.name) model: Model<RoamingIdentityDocument>) {
    super(model);
  }

  find(tenantId: TenantId): Promise<OcpiIdentity | null> {
    return this.findOne(tenantId, {});
  }

  async save(tenantId: TenantId, identity: OcpiIdentity): Promise<OcpiIdentity> {
    const saved = await this.updateOne(
      tenantId,
      { _id: tenantId },
      { $set: { ...identity, website: identity.website ?? null } },
      { upsert: true },
    );
    return saved!;
  }

  protected toEntity(doc: Lean<RoamingIdentityDocument>): OcpiIdentity {
    return {
      countryCode: doc.countryCode,
      partyId: doc.partyId,
      businessName: doc.businessName,
      website: doc.website ?? undefined,
    };
  }
}
