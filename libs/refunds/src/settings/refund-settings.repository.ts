import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DEFAULT_REFUND_SETTINGS, RefundSettings } from './refund-settings';
import { RefundSettingsDocument } from './schemas/refund-settings.schema';

const FIELDS = [
  'enabled',
  'clientIdSealed',
  'clientSecretSealed',
  'clientSecretLast4',
  'authenticationUrl',
  'apiUrl',
  'scope',
  'expenseTypeCode',
  'paymentTypeId',
  'policyId',
  'reportName',
] as const satisfies readonly (keyof RefundSettings)[];

@Injectable()
export class RefundSettingsRepository {
  constructor(
    @InjectModel(RefundSettingsDocument.name) private readonly model: Model<RefundSettingsDocument>,
  ) {}

  async get(tenantId: TenantId): Promise<RefundSettings> {
    const doc = await this.model
      .findOne({ _id: tenantId, tenantId })
      .lean<Partial<RefundSettings> & { updatedAt?: Date }>()
      .exec();
    return { ...DEFAULT_REFUND_SETTINGS, ...storedFields(doc ?? {}), updatedAt: doc?.updatedAt };
  }

  async update(tenantId: TenantId, changes: Partial<RefundSettings>): Promise<RefundSettings> {
    await this.model
      .updateOne({ _id: tenantId, tenantId }, { $set: storedFields(changes) }, { upsert: true })
      .exec();
    return this.get(tenantId);
  }
}

function storedFields(settings: Partial<RefundSettings>): Partial<RefundSettings> {
  return Object.fromEntries(
    FIELDS.filter((key) => settings[key] !== undefined && settings[key] !== null).map((key) => [
      key,
      settings[key],
    ]),
  );
}
