import { isExpired } from './billing-prerequisites';

describe('isExpired', () => {
  const card = (expMonth: number, expYear: number) => ({
    id: 'pm',
    type: 'card',
    isDefault: true,
    expMonth,
    expYear,
  });
  const now = new Date('2026-12-06T08:00:00Z');

  it('keeps a card valid through the last day of its month', () => {
    expect(isExpired(card(12, 2026), now)).toBe(false);
    expect(isExpired(card(1, 2027), now)).toBe(false);
  });

  it('tells an expired card', () => {
    expect(isExpired(card(11, 2026), now)).toBe(true);
    expect(isExpired(card(12, 2025), now)).toBe(true);
  });
});
