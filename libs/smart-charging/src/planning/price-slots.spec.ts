import { pricesOfSlots } from './price-slots';

describe('pricesOfSlots', () => {
  const curve = [
    { startTime: '07:00', price: 0.3 },
    { startTime: '22:00', price: 0.1 },
  ];

  it('takes the period in force at each slot, wrapping round midnight, in local time', () => {
    const start = new Date('2026-12-01T05:30:00Z');
    expect(pricesOfSlots(curve, 'UTC', start, 30, 4)).toEqual([0.1, 0.1, 0.1, 0.3]);
    // 06:30 UTC is 07:30 in Paris (winter): already the day price.
    expect(pricesOfSlots(curve, 'Europe/Paris', new Date('2026-12-01T05:30:00Z'), 30, 2)).toEqual([0.1, 0.3]);
  });

  it('gives nothing without a curve', () => {
    expect(pricesOfSlots([], 'UTC', new Date(), 15, 4)).toBeUndefined();
  });
});
