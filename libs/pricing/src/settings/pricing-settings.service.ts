import { BadInputError, ReadThroughCache, TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { isCurrencyCode } from '../money/currency';
import { PricingSettings } from './pricing-settings';
import { PricingSettingsRepository } from './pricing-settings.repository';

/** Read on every session start and cost update: kept a few seconds (an operator rarely changes them). */
const SETTINGS_TTL_MS = 5_000;

@Injectable()
export class PricingSettingsService {
  private readonly cache = new ReadThroughCache<PricingSettings>(SETTINGS_TTL_MS);

  constructor(private readonly settings: PricingSettingsRepository) {}

  get(tenantId: TenantId): Promise<PricingSettings> {
    return this.cache.get(tenantId, () => this.settings.get(tenantId));
  }

  async update(tenantId: TenantId, changes: Partial<PricingSettings>): Promise<PricingSettings> {
    if (changes.defaultCurrency !== undefined && !isCurrencyCode(changes.defaultCurrency)) {
      throw new BadInputError(`${changes.defaultCurrency} is not an ISO 4217 currency code`, {
        field: 'defaultCurrency',
      });
    }
    const updated = await this.settings.update(tenantId, changes);
    this.cache.forget(tenantId);
    return updated;
  }
}
