import { TenantId } from '@csms/common';
import {
  OcpiCdrPricing,
  PricingSettingsService,
  Tariff,
  frozenTariffOf,
  minorUnitsOf,
  toOcpiCdrPricing,
} from '@csms/pricing';
import { SessionPricingService, Transaction } from '@csms/transactions';
import { Injectable } from '@nestjs/common';
import { RoamingChargingPeriod } from './roaming-session';
import { RoamingSessionCost, SessionCost } from './session-cost';

/**
 * A roaming session's cost is our own price of it: the tariff frozen on the session applied to its
 * stored meter curve by the pricing engine (the figure the driver and the station see, to the minor
 * unit). A session no tariff applied to is free, in the tenant's default currency, and still reports
 * its charging periods.
 */
@Injectable()
export class PricedSessionCost extends RoamingSessionCost {
  constructor(
    private readonly pricing: SessionPricingService,
    private readonly settings: PricingSettingsService,
  ) {
    super();
  }

  async costOf(tenantId: TenantId, transaction: Transaction): Promise<SessionCost> {
    const tariff = transaction.tariff && frozenTariffOf(transaction.tariff);
    const currency = tariff?.currency ?? (await this.settings.get(tenantId)).defaultCurrency;
    const priced = await this.pricing.pricedSession(tenantId, {
      ...transaction,
      tariff: tariff ?? freeTariff(currency),
    });
    const cdr = toOcpiCdrPricing(priced!, {
      ...(tariff ? { tariffId: tariff.id } : {}),
      decimals: minorUnitsOf(currency),
    });
    return {
      currency,
      ...(tariff
        ? { totalCost: { exclVat: cdr.total_cost.excl_vat, inclVat: cdr.total_cost.incl_vat } }
        : {}),
      chargingPeriods: chargingPeriodsOf(cdr),
      ...(tariff ? { tariff } : {}),
      cdr,
    };
  }
}

/** No element prices anything: the engine still cuts the session into its periods. */
function freeTariff(currency: string): Tariff {
  return { id: 'free', name: 'free', currency, elements: [], tariffAltText: [], updatedAt: new Date(0) };
}

function chargingPeriodsOf(cdr: OcpiCdrPricing): RoamingChargingPeriod[] {
  return cdr.charging_periods.map((period) => ({
    startDateTime: new Date(period.start_date_time),
    dimensions: period.dimensions,
    ...(period.tariff_id ? { tariffId: period.tariff_id } : {}),
  }));
}
