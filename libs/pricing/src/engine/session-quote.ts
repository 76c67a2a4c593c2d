import { PriceAmount, PriceComponent, TariffDimensionType, TariffPricing } from '../model/tariff';
import { minorUnitsOf } from '../money/currency';
import { Rational } from '../money/rational';
import type { DimensionVolumes } from './session-pricer';

/** An exact amount, excluding and including VAT. */
export interface ExactPrice {
  exclVat: Rational;
  inclVat: Rational;
}

/** What one dimension costs: the billed quantity (kWh, hours, or 1 for FLAT) and its price. */
export interface DimensionQuote {
  type: TariffDimensionType;
  /** Billed, after step rounding: kWh, hours, or 1 for a flat fee. */
  quantity: Rational;
  price: ExactPrice;
}

/** A session's price before rounding, and the rounded total. */
export interface SessionQuote {
  currency: string;
  /** Exact, min/max applied, not rounded: for comparisons with other engines. */
  exact: ExactPrice;
  /** Rounded once, to the currency's minor units. */
  total: ExactPrice;
  dimensions: DimensionQuote[];
  minPriceApplied: boolean;
  maxPriceApplied: boolean;
}

const MWH_PER_KWH = Rational.integer(1_000_000);
const MS_PER_HOUR = Rational.integer(3_600_000);
const HUNDRED = Rational.integer(100);

/** Price per unit × quantity, excluding and including the component's VAT (none when absent). */
function costOf(component: PriceComponent, quantity: Rational): ExactPrice {
  const exclVat = Rational.fromNumber(component.price).multiply(quantity);
  const inclVat =
    component.vat === undefined
      ? exclVat
      : exclVat.multiply(Rational.ONE.add(Rational.fromNumber(component.vat).divide(HUNDRED)));
  return { exclVat, inclVat };
}

function sum(prices: ExactPrice[]): ExactPrice {
  return prices.reduce(
    (total, price) => ({
      exclVat: total.exclVat.add(price.exclVat),
      inclVat: total.inclVat.add(price.inclVat),
    }),
    { exclVat: Rational.ZERO, inclVat: Rational.ZERO },
  );
}

/** Whole blocks of `step` covering `total` (OCPI rounds up); step 0 or less means no rounding. */
function roundedUp(total: number, step: number): number {
  return step > 0 ? Math.ceil(total / step) * step : total;
}

interface Billed {
  quote?: DimensionQuote;
  /** Volume billed beyond what was consumed, by step rounding (in the dimension's unit). */
  extra: number;
}

/**
 * A time or energy dimension: each component's volume at its price, plus the step rounding of the
 * session's total at the price of the last component used (OCPI 2.2.1, PriceComponent step_size).
 * `credit` is volume already billed elsewhere and taken off before rounding.
 */
function billDimension(
  type: TariffDimensionType,
  volumes: DimensionVolumes,
  unitsPerQuantity: Rational,
  stepUnit: number,
  credit = 0,
): Billed {
  if (!volumes.byComponent.size) return { extra: 0 };
  const costs = [...volumes.byComponent].map(([component, volume]) =>
    costOf(component, Rational.integer(volume).divide(unitsPerQuantity)),
  );
  const last = volumes.last!;
  const billable = Math.max(0, volumes.total - credit);
  const billed = billable > 0 ? roundedUp(billable, last.stepSize * stepUnit) : 0;
  const extra = billed - volumes.total;
  if (extra !== 0) costs.push(costOf(last, Rational.integer(extra).divide(unitsPerQuantity)));
  const priced = [...volumes.byComponent.values()].reduce((total, volume) => total + volume, 0);
  return {
    quote: {
      type,
      quantity: Rational.integer(priced + extra).divide(unitsPerQuantity),
      price: sum(costs),
    },
    extra,
  };
}

function clamp(total: ExactPrice, bound: PriceAmount | undefined, direction: 1 | -1): ExactPrice {
  if (!bound) return total;
  const pick = direction === 1 ? Rational.max : Rational.min;
  return {
    exclVat: pick(total.exclVat, Rational.fromNumber(bound.exclVat)),
    inclVat:
      bound.inclVat === undefined ? total.inclVat : pick(total.inclVat, Rational.fromNumber(bound.inclVat)),
  };
}

function roundPrice(price: ExactPrice, decimals: number): ExactPrice {
  return { exclVat: price.exclVat.round(decimals), inclVat: price.inclVat.round(decimals) };
}

/** Prices the volumes a SessionPricer gathered. */
export function quoteOf(
  tariff: TariffPricing,
  volumes: Record<'ENERGY' | 'TIME' | 'PARKING_TIME', DimensionVolumes>,
  flat: PriceComponent | undefined,
): SessionQuote {
  const energy = billDimension(TariffDimensionType.ENERGY, volumes.ENERGY, MWH_PER_KWH, 1000);
  const time = billDimension(TariffDimensionType.TIME, volumes.TIME, MS_PER_HOUR, 1000);
  // OCPI 2.2.1 step_size example #1: parking within the charging time billed by rounding is not billed again.
  const parking = billDimension(
    TariffDimensionType.PARKING_TIME,
    volumes.PARKING_TIME,
    MS_PER_HOUR,
    1000,
    Math.max(0, time.extra),
  );
  const dimensions: DimensionQuote[] = [];
  if (flat)
    dimensions.push({
      type: TariffDimensionType.FLAT,
      quantity: Rational.ONE,
      price: costOf(flat, Rational.ONE),
    });
  for (const billed of [energy, time, parking]) if (billed.quote) dimensions.push(billed.quote);
  const components = sum(dimensions.map((dimension) => dimension.price));
  // OCPI: min_price and max_price bound the excl. and incl. VAT totals each on their own.
  const atLeast = clamp(components, tariff.minPrice, 1);
  const exact = clamp(atLeast, tariff.maxPrice, -1);
  return {
    currency: tariff.currency,
    exact,
    total: roundPrice(exact, minorUnitsOf(tariff.currency)),
    dimensions,
    minPriceApplied:
      atLeast.exclVat.compare(components.exclVat) !== 0 || atLeast.inclVat.compare(components.inclVat) !== 0,
    maxPriceApplied:
      exact.exclVat.compare(atLeast.exclVat) !== 0 || exact.inclVat.compare(atLeast.inclVat) !== 0,
  };
}
