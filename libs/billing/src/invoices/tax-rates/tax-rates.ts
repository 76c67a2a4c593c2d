import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { BillingAccess } from '../../settings/billing-settings.service';
import { TaxRateDocument } from './schemas/tax-rate.schema';

/**
 * The provider's tax rate for a percentage, created once per account and kept here; each invoice line
 * carries its own (a tariff's VAT, or the tenant's rate), not one for the whole invoice.
 */
@Injectable()
export class TaxRates {
  constructor(@InjectModel(TaxRateDocument.name) private readonly model: Model<TaxRateDocument>) {}

  async idOf(tenantId: TenantId, access: BillingAccess, percent: number): Promise<string> {
    const key = `${access.account}:${percent}`;
    const known = await this.model.findOne({ _id: key, tenantId }).lean<{ providerId: string }>().exec();
    if (known) return known.providerId;
    const providerId = await access.gateway.createTaxRate({
      percentage: percent,
      displayName: percent === 0 ? 'No tax' : `Tax ${percent}%`,
      idempotencyKey: `${tenantId}:tax-rate:${key}`,
    });
    await this.model.updateOne({ _id: key, tenantId }, { $set: { providerId } }, { upsert: true }).exec();
    return providerId;
  }
}
