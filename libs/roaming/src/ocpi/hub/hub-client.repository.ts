import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OcpiHubClient } from './models/ocpi-hub-client.model';
import { HubClientDocument } from './schemas/hub-client.schema';

@Injectable()
export class HubClientRepository extends TenantRepository<HubClientDocument, OcpiHubClient> {
  constructor(@InjectModel(HubClientDocument.name) model: Model<HubClientDocument>) {
    super(model);
  }

  find(
    tenantId: TenantId,
    hubPartnerId: string,
    countryCode: string,
    partyId: string,
  ): Promise<OcpiHubClient | null> {
    return this.findOne(tenantId, {
      hubPartnerId,
      countryCode: countryCode.toUpperCase(),
      partyId: partyId.toUpperCase(),
    });
  }

  async save(tenantId: TenantId, client: OcpiHubClient): Promise<void> {
    const key = {
      hubPartnerId: client.hubPartnerId,
      countryCode: client.countryCode.toUpperCase(),
      partyId: client.partyId.toUpperCase(),
    };
    await this.updateOne(tenantId, key, { $set: { ...client, ...key } }, { upsert: true });
  }

  list(tenantId: TenantId, hubPartnerId?: string): Promise<OcpiHubClient[]> {
    return this.findMany(tenantId, hubPartnerId ? { hubPartnerId } : {});
  }

  protected toEntity(doc: Lean<HubClientDocument>): OcpiHubClient {
    return {
      hubPartnerId: doc.hubPartnerId,
      countryCode: doc.countryCode,
      partyId: doc.partyId,
      role: doc.role,
      status: doc.status,
      lastUpdated: doc.lastUpdated,
    };
  }
}
