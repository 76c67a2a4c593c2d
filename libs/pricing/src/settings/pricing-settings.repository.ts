import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DEFAULT_PRICING_SETTINGS, PricingSettings } from './pricing-settings';
import { PricingSettingsDocument } from './schemas/pricing-settings.schema';

type StoredSettings = Partial<PricingSettings>;

@Injectable()
export class PricingSettingsRepository {
  constructor(
    @InjectModel(PricingSettingsDocument.name) private readonly model: Model<PricingSettingsDocument>,
  ) {}

  async get(tenantId: TenantId): Promise<PricingSettings> {
    const doc = await this.model.findOne({ _id: tenantId, tenantId }).lean<StoredSettings>().exec();
    return { ...DEFAULT_PRICING_SETTINGS, ...withoutEmpty(doc ?? {}) };
  }

  async update(tenantId: TenantId, changes: StoredSettings): Promise<PricingSettings> {
    await this.model
      .updateOne({ _id: tenantId, tenantId }, { $set: withoutEmpty(changes) }, { upsert: true })
      .exec();
    return this.get(tenantId);
  }
}

function withoutEmpty(settings: StoredSettings): StoredSettings {
  const keys = Object.keys(DEFAULT_PRICING_SETTINGS) as (keyof PricingSettings)[];
  return Object.fromEntries(
    keys
      .filter((key) => settings[key] !== undefined && settings[key] !== null)
      .map((key) => [key, settings[key]]),
  );
}
