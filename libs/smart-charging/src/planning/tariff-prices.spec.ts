import { Tariff, TariffDimensionType } from '@csms/pricing';
import { Transaction } from '@csms/transactions';
import { pricesOfSlots } from './price-slots';
import { isPricedPlan, tariffPricesOfSlots } from './tariff-prices';

const energy = (price: number) => ({ type: TariffDimensionType.ENERGY, price, stepSize: 1 });

function tariff(id: string, day: number, night: number): Tariff {
  return {
    id,
    name: id,
    currency: 'EUR',
    tariffAltText: [],
    updatedAt: new Date(0),
    elements: [
      { priceComponents: [energy(day)], restrictions: { startTime: '07:00', endTime: '22:00' } },
      { priceComponents: [energy(night)] },
    ],
  };
}

const session = (id: string, frozen?: Tariff): Transaction =>
  ({ id, tariff: frozen, tariffTimeZone: frozen ? 'Europe/Paris' : undefined }) as Transaction;

describe('tariffPricesOfSlots', () => {
  const start = new Date('2026-12-01T20:30:00Z'); // 21:30 in Paris

  it("takes each slot's energy price from the frozen tariff, on the tariff's clock", () => {
    const peak = tariff('t1', 0.4, 0.2);
    expect(tariffPricesOfSlots([session('a', peak), session('b', peak)], start, 15, 4)).toEqual([
      0.4, 0.4, 0.2, 0.2,
    ]);
  });

  it('averages different tariffs and gives nothing without any', () => {
    const prices = tariffPricesOfSlots(
      [session('a', tariff('t1', 0.4, 0.2)), session('b', tariff('t2', 0.2, 0.1))],
      start,
      15,
      3,
    );
    expect(prices?.map((price) => Math.round(price * 1000) / 1000)).toEqual([0.3, 0.3, 0.15]);
    expect(tariffPricesOfSlots([session('a')], start, 15, 3)).toBeUndefined();
  });
});

describe('isPricedPlan', () => {
  const start = new Date('2026-12-01T20:30:00Z');
  const gridCurve = [{ startTime: '00:00', price: 0.25 }];
  const cases = [
    { name: 'grid curve, no tariff', grid: gridCurve, sessions: [session('a')] },
    {
      name: 'tariff, no grid curve',
      grid: [],
      sessions: [session('a'), session('b', tariff('t1', 0.4, 0.2))],
    },
    { name: 'neither', grid: [], sessions: [session('a')] },
    {
      name: 'a tariff without its time zone',
      grid: [],
      sessions: [{ ...session('a', tariff('t1', 0.4, 0.2)), tariffTimeZone: undefined }],
    },
  ];

  it.each(cases)('agrees with whether the plan gets prices: $name', ({ grid, sessions }) => {
    const prices =
      pricesOfSlots(grid, 'Europe/Paris', start, 15, 4) ?? tariffPricesOfSlots(sessions, start, 15, 4);
    expect(isPricedPlan(grid, sessions)).toBe(prices !== undefined);
  });

  it('says priced for the first two cases and not for the others', () => {
    expect(cases.map(({ grid, sessions }) => isPricedPlan(grid, sessions))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
