import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { BillingSettings, DEFAULT_BILLING_SETTINGS } from './billing-settings';
import { BillingSettingsDocument } from './schemas/billing-settings.schema';

const FIELDS = [
  'enabled',
  'enabledAt',
  'secretKeySealed',
  'secretKeyLast4',
  'publicKey',
  'webhookSecretSealed',
  'webhookSecretLast4',
  'connectWebhookSecretSealed',
  'connectWebhookSecretLast4',
  'immediateBilling',
  'taxRatePercent',
  'currency',
  'freeSessionMaxSeconds',
  'freeSessionMaxWh',
  'platformFeeFlat',
  'platformFeePercent',
] as const satisfies readonly (keyof BillingSettings)[];

@Injectable()
export class BillingSettingsRepository {
  constructor(
    @InjectModel(BillingSettingsDocument.name) private readonly model: Model<BillingSettingsDocument>,
  ) {}

  async get(tenantId: TenantId): Promise<BillingSettings> {
    const doc = await this.model
      .findOne({ _id: tenantId, tenantId })
      .lean<Partial<BillingSettings> & { updatedAt?: Date }>()
      .exec();
    return { ...DEFAULT_BILLING_SETTINGS, ...definedOnly(doc ?? {}), updatedAt: doc?.updatedAt };
  }

  async update(tenantId: TenantId, changes: Partial<BillingSettings>): Promise<BillingSettings> {
    await this.model
      .updateOne({ _id: tenantId, tenantId }, { $set: definedOnly(changes) }, { upsert: true })
      .exec();
    return this.get(tenantId);
  }

  /**
   * Tenants whose billing is on: the one query here across tenants, for the scheduled billing job.
   */
  async enabledTenants(): Promise<TenantId[]> {
    const docs = await this.model
      .find({ enabled: true }, { tenantId: 1 })
      .lean<{ tenantId: TenantId }[]>()
      .exec();
    return docs.map((doc) => doc.tenantId);
  }
}

function definedOnly(settings: Partial<BillingSettings>): Partial<BillingSettings> {
  return Object.fromEntries(
    FIELDS.filter((key) => settings[key] !== undefined && settings[key] !== null).map((key) => [
      key,
      settings[key],
    ]),
  );
}
