import { TariffDimensionType, TariffPricing } from '../model/tariff';
import { Rational } from '../money/rational';
import { TariffScale } from './tariff-scale';

describe('TariffScale', () => {
  const energy = { type: TariffDimensionType.ENERGY, price: 0.3333, vat: 7.7, stepSize: 1 };
  const time = { type: TariffDimensionType.TIME, price: 1.99, stepSize: 60 };
  const tariff: TariffPricing = {
    currency: 'CHF',
    minPrice: { exclVat: 0.05 },
    maxPrice: { exclVat: 50, inclVat: 53.85 },
    elements: [{ priceComponents: [energy, time] }],
  };
  const scale = new TariffScale(tariff);

  it('prices metered units exactly, with and without VAT', () => {
    // 1234 mWh at 0.3333 per kWh, 7.7 % VAT on top.
    const cost = scale.costOf(energy, 1234);
    const exclVat = Rational.parse('0.3333').multiply(Rational.of(1234n, 1_000_000n));
    expect(scale.toRational(cost.exclVat).compare(exclVat)).toBe(0);
    expect(scale.toRational(cost.inclVat).compare(exclVat.multiply(Rational.parse('1.077')))).toBe(0);
    // 1 s at 1.99 per hour, no VAT: incl. equals excl.
    const second = scale.costOf(time, 1000);
    expect(scale.toRational(second.exclVat).compare(Rational.of(199n, 360_000n))).toBe(0);
    expect(second.inclVat).toBe(second.exclVat);
  });

  it('keeps a bound without an incl. VAT amount on the excl. VAT total only', () => {
    expect(scale.minPrice?.inclVat).toBeUndefined();
    expect(scale.toRational(scale.minPrice!.exclVat).compare(Rational.parse('0.05'))).toBe(0);
    expect(scale.toRational(scale.maxPrice!.inclVat!).compare(Rational.parse('53.85'))).toBe(0);
  });

  it('refuses a component of another tariff', () => {
    expect(() => scale.costOf({ ...energy }, 1)).toThrow('another tariff');
  });
});
