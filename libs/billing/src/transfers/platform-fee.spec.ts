import { transferAmountsOf } from './platform-fee';

const LINES = [
  { dimension: 'ENERGY', description: 'Energy', amountMinor: 1000, taxPercent: 20 },
  { dimension: 'TIME', description: 'Charging time', amountMinor: 333, taxPercent: 0 },
];

describe('the platform fee of a paid session', () => {
  it('takes a flat amount plus a percentage of what was collected, tax included', () => {
    // Collected: 1000 + 200 tax + 333 = 1533; fee: 50 + 10 % of 1533 (153) = 203.
    expect(transferAmountsOf(LINES, { flat: 0.5, percent: 10 }, 'EUR')).toEqual({
      collectedMinor: 1533,
      feeMinor: 203,
      transferMinor: 1330,
    });
  });

  it('counts the flat part in the currency’s minor units (none for JPY)', () => {
    expect(transferAmountsOf(LINES, { flat: 5, percent: 0 }, 'JPY').feeMinor).toBe(5);
  });

  it('never takes more than was collected', () => {
    expect(transferAmountsOf(LINES, { flat: 100, percent: 50 }, 'EUR')).toEqual({
      collectedMinor: 1533,
      feeMinor: 1533,
      transferMinor: 0,
    });
  });

  it('takes nothing when no fee is set', () => {
    expect(transferAmountsOf(LINES, { flat: 0, percent: 0 }, 'EUR').transferMinor).toBe(1533);
  });
});
