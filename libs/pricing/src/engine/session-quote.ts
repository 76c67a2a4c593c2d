import { PriceComponent, TariffDimensionType, TariffPricing } from '../model/tariff';
import { minorUnitsOf } from '../money/currency';
import { Rational } from '../money/rational';
import type { DimensionVolumes } from './session-pricer';
import { ScaledAmount, ScaledBound, TariffScale, UNITS_PER_QUANTITY } from './tariff-scale';

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

/** Step sizes are in Wh and seconds; volumes in mWh and ms. */
const UNITS_PER_STEP = 1000;

/** Whole blocks of `step` covering `total` (OCPI rounds up); step 0 or less means no rounding. */
function roundedUp(total: number, step: number): number {
  return step > 0 ? Math.ceil(total / step) * step : total;
}

function add(a: ScaledAmount, b: ScaledAmount): ScaledAmount {
  return { exclVat: a.exclVat + b.exclVat, inclVat: a.inclVat + b.inclVat };
}

const NOTHING: ScaledAmount = { exclVat: 0n, inclVat: 0n };

interface Billed {
  type: TariffDimensionType;
  /** Billed metered units (mWh or ms), step rounding included. */
  units: number;
  price: ScaledAmount;
  /** Volume billed beyond what was consumed, by step rounding (in metered units). */
  extra: number;
}

/**
 * A time or energy dimension: each component's volume at its price, plus the step rounding of the
 * session's total at the price of the last component used (OCPI 2.2.1, PriceComponent step_size).
 * `credit` is volume already billed elsewhere and taken off before rounding.
 */
function billDimension(
  scale: TariffScale,
  type: TariffDimensionType,
  volumes: DimensionVolumes,
  credit = 0,
): Billed | undefined {
  if (!volumes.byComponent.size) return undefined;
  let price = NOTHING;
  let priced = 0;
  for (const [component, volume] of volumes.byComponent) {
    price = add(price, scale.costOf(component, volume));
    priced += volume;
  }
  const last = volumes.last!;
  const billable = Math.max(0, volumes.total - credit);
  const billed = billable > 0 ? roundedUp(billable, last.stepSize * UNITS_PER_STEP) : 0;
  const extra = billed - volumes.total;
  if (extra !== 0) price = add(price, scale.costOf(last, extra));
  return { type, units: priced + extra, price, extra };
}

/** Bounds each of the excl. and incl. VAT totals on its own, as OCPI's min_price and max_price do. */
function clamp(total: ScaledAmount, bound: ScaledBound | undefined, direction: 1 | -1): ScaledAmount {
  if (!bound) return total;
  const pick = (value: bigint, limit: bigint) =>
    (direction === 1 ? value < limit : value > limit) ? limit : value;
  return {
    exclVat: pick(total.exclVat, bound.exclVat),
    inclVat: bound.inclVat === undefined ? total.inclVat : pick(total.inclVat, bound.inclVat),
  };
}

function differs(a: ScaledAmount, b: ScaledAmount): boolean {
  return a.exclVat !== b.exclVat || a.inclVat !== b.inclVat;
}

/** Prices the volumes a SessionPricer gathered, in the tariff's integer scale. */
export function quoteOf(
  tariff: TariffPricing,
  scale: TariffScale,
  volumes: Record<'ENERGY' | 'TIME' | 'PARKING_TIME', DimensionVolumes>,
  flat: PriceComponent | undefined,
): SessionQuote {
  const energy = billDimension(scale, TariffDimensionType.ENERGY, volumes.ENERGY);
  const time = billDimension(scale, TariffDimensionType.TIME, volumes.TIME);
  // OCPI 2.2.1 step_size example #1: parking within the charging time billed by rounding is not billed again.
  const parking = billDimension(
    scale,
    TariffDimensionType.PARKING_TIME,
    volumes.PARKING_TIME,
    Math.max(0, time?.extra ?? 0),
  );
  const billed: Billed[] = [];
  if (flat) billed.push({ type: TariffDimensionType.FLAT, units: 1, price: scale.costOf(flat, 1), extra: 0 });
  for (const dimension of [energy, time, parking]) if (dimension) billed.push(dimension);
  const components = billed.reduce((total, dimension) => add(total, dimension.price), NOTHING);
  const atLeast = clamp(components, scale.minPrice, 1);
  const exact = clamp(atLeast, scale.maxPrice, -1);
  const exactPrice = toExact(scale, exact);
  const decimals = minorUnitsOf(tariff.currency);
  return {
    currency: tariff.currency,
    exact: exactPrice,
    total: { exclVat: exactPrice.exclVat.round(decimals), inclVat: exactPrice.inclVat.round(decimals) },
    dimensions: billed.map((dimension) => ({
      type: dimension.type,
      quantity: Rational.of(BigInt(dimension.units), UNITS_PER_QUANTITY[dimension.type]),
      price: toExact(scale, dimension.price),
    })),
    minPriceApplied: differs(atLeast, components),
    maxPriceApplied: differs(exact, atLeast),
  };
}

function toExact(scale: TariffScale, amount: ScaledAmount): ExactPrice {
  return { exclVat: scale.toRational(amount.exclVat), inclVat: scale.toRational(amount.inclVat) };
}
