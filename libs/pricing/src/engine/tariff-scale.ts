import { PriceAmount, PriceComponent, TariffDimensionType, TariffPricing } from '../model/tariff';
import { Rational, lcm } from '../money/rational';

/** Metered units per billed unit: mWh per kWh, ms per hour; a flat fee is billed once. */
export const UNITS_PER_QUANTITY: Record<TariffDimensionType, bigint> = {
  [TariffDimensionType.ENERGY]: 1_000_000n,
  [TariffDimensionType.TIME]: 3_600_000n,
  [TariffDimensionType.PARKING_TIME]: 3_600_000n,
  [TariffDimensionType.FLAT]: 1n,
};

/** An amount in whole 1/denominator of the currency, excluding and including VAT. */
export interface ScaledAmount {
  exclVat: bigint;
  inclVat: bigint;
}

/** A min or max price; one without an incl. VAT amount bounds the excl. VAT total only. */
export interface ScaledBound {
  exclVat: bigint;
  inclVat?: bigint;
}

const HUNDRED = Rational.integer(100);

/**
 * One tariff's amounts as integers over a common denominator, the least common multiple of every
 * price per metered unit (with and without VAT) and of the min and max prices. Quoting a session is
 * then integer multiplications and additions: exact as rationals are, without their growing
 * denominators and gcds on each live curve point.
 */
export class TariffScale {
  readonly denominator: bigint;
  private readonly perUnit = new Map<PriceComponent, ScaledAmount>();
  readonly minPrice?: ScaledBound;
  readonly maxPrice?: ScaledBound;

  constructor(tariff: TariffPricing) {
    const rates = new Map<PriceComponent, { exclVat: Rational; inclVat: Rational }>();
    let denominator = 1n;
    for (const element of tariff.elements) {
      for (const component of element.priceComponents) {
        const units = Rational.of(UNITS_PER_QUANTITY[component.type]);
        const exclVat = Rational.fromNumber(component.price).divide(units);
        const inclVat =
          component.vat === undefined
            ? exclVat
            : exclVat.multiply(Rational.ONE.add(Rational.fromNumber(component.vat).divide(HUNDRED)));
        rates.set(component, { exclVat, inclVat });
        denominator = lcm(lcm(denominator, exclVat.denominator), inclVat.denominator);
      }
    }
    for (const bound of [tariff.minPrice, tariff.maxPrice]) {
      if (!bound) continue;
      denominator = lcm(denominator, Rational.fromNumber(bound.exclVat).denominator);
      if (bound.inclVat !== undefined)
        denominator = lcm(denominator, Rational.fromNumber(bound.inclVat).denominator);
    }
    this.denominator = denominator;
    for (const [component, rate] of rates) {
      this.perUnit.set(component, { exclVat: this.scaled(rate.exclVat), inclVat: this.scaled(rate.inclVat) });
    }
    this.minPrice = this.bound(tariff.minPrice);
    this.maxPrice = this.bound(tariff.maxPrice);
  }

  /** What `units` metered units (mWh, ms, or 1 for a flat fee) cost at `component`'s price. */
  costOf(component: PriceComponent, units: number): ScaledAmount {
    const rate = this.perUnit.get(component);
    if (!rate) throw new Error('Price component of another tariff');
    const count = BigInt(units);
    return { exclVat: rate.exclVat * count, inclVat: rate.inclVat * count };
  }

  toRational(amount: bigint): Rational {
    return Rational.of(amount, this.denominator);
  }

  private scaled(value: Rational): bigint {
    return (value.numerator * this.denominator) / value.denominator;
  }

  private bound(price: PriceAmount | undefined): ScaledBound | undefined {
    if (!price) return undefined;
    return {
      exclVat: this.scaled(Rational.fromNumber(price.exclVat)),
      ...(price.inclVat === undefined ? {} : { inclVat: this.scaled(Rational.fromNumber(price.inclVat)) }),
    };
  }
}
