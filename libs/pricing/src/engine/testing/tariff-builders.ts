import {
  PriceComponent,
  TariffDimensionType,
  TariffElement,
  TariffPricing,
  TariffRestrictions,
} from '../../model/tariff';
import { MeterPoint } from '../session-pricer';

/** Fluent-ish builders for engine tests: tariffs and meter curves in a few words. */

export function component(
  type: keyof typeof TariffDimensionType,
  price: number,
  options: { vat?: number; stepSize?: number } = {},
): PriceComponent {
  return {
    type: TariffDimensionType[type],
    price,
    stepSize: options.stepSize ?? 1,
    ...(options.vat === undefined ? {} : { vat: options.vat }),
  };
}

export function element(components: PriceComponent[], restrictions?: TariffRestrictions): TariffElement {
  return restrictions ? { priceComponents: components, restrictions } : { priceComponents: components };
}

export function tariff(elements: TariffElement[], extra: Partial<TariffPricing> = {}): TariffPricing {
  return { currency: 'EUR', elements, ...extra };
}

/** Readings at `at` (ISO) with energy in Wh since the start. */
export function point(at: string, cumulatedWh: number, currentA?: number): MeterPoint {
  return { timestamp: new Date(at), cumulatedWh, ...(currentA === undefined ? {} : { currentA }) };
}
