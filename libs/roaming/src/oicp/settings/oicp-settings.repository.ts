import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OicpSettings } from './oicp-settings';
import { OicpSettingsDocument } from './schemas/oicp-settings.schema';

@Injectable()
export class OicpSettingsRepository extends TenantRepository<OicpSettingsDocument, OicpSettings> {
  constructor(@InjectModel(OicpSettingsDocument.name) model: Model<OicpSettingsDocument>) {
    super(model);
  }

  find(tenantId: TenantId): Promise<OicpSettings | null> {
    return this.findOne(tenantId, {});
  }

  async save(tenantId: TenantId, settings: OicpSettings): Promise<OicpSettings> {
    const { updatedAt: _updatedAt, ...fields } = settings;
    return (await this.updateOne(tenantId, { _id: tenantId }, { $set: fields }, { upsert: true }))!;
  }

  async markWarned(tenantId: TenantId, at: Date): Promise<void> {
    await this.updateOne(tenantId, { _id: tenantId }, { $set: { expiryWarnedAt: at } });
  }

  protected toEntity(doc: Lean<OicpSettingsDocument>): OicpSettings {
    return {
      enabled: doc.enabled,
      operatorId: doc.operatorId,
      operatorName: doc.operatorName,
      hotlinePhoneNumber: doc.hotlinePhoneNumber,
      baseUrl: doc.baseUrl,
      dynamicPricing: doc.dynamicPricing ?? false,
      clientCertificate: doc.clientCertificate,
      clientKey: doc.clientKey,
      caCertificate: doc.caCertificate,
      certificateSubject: doc.certificateSubject,
      certificateExpiresAt: doc.certificateExpiresAt,
      partnerId: doc.partnerId,
      expiryWarnedAt: doc.expiryWarnedAt,
      updatedAt: doc.updatedAt,
    };
  }
}
