import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isSoapVersion, SoapOcppVersion } from '../soap-versions';
import { SoapEndpointDocument } from './soap-endpoint.schema';

export interface SoapEndpoint {
  stationId: string;
  version: SoapOcppVersion;
  endpoint: string;
}

@Injectable()
export class SoapEndpointRepository extends TenantRepository<SoapEndpointDocument, SoapEndpoint | null> {
  constructor(@InjectModel(SoapEndpointDocument.name) model: Model<SoapEndpointDocument>) {
    super(model);
  }

  async findByStation(tenantId: TenantId, stationId: string): Promise<SoapEndpoint | null> {
    return this.findOne(tenantId, { stationId });
  }

  async save(tenantId: TenantId, endpoint: SoapEndpoint): Promise<void> {
    await this.updateOne(
      tenantId,
      { stationId: endpoint.stationId },
      { $set: { version: endpoint.version, endpoint: endpoint.endpoint, updatedAt: new Date() } },
      { upsert: true },
    );
  }

  protected toEntity(doc: Lean<SoapEndpointDocument>): SoapEndpoint | null {
    if (!isSoapVersion(doc.version)) return null;
    return { stationId: doc.stationId, version: doc.version, endpoint: doc.endpoint };
  }
}
