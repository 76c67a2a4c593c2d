import { alpha3Country } from './iso-countries';

describe('alpha3Country', () => {
  it('maps alpha-2 to alpha-3 and keeps alpha-3', () => {
    expect(alpha3Country('DE')).toBe('DEU');
    expect(alpha3Country('nl')).toBe('NLD');
    expect(alpha3Country('FRA')).toBe('FRA');
    expect(alpha3Country(' gb ')).toBe('GBR');
  });

  it('knows nothing of names or nonsense', () => {
    expect(alpha3Country('Germany')).toBeUndefined();
    expect(alpha3Country('XX')).toBeUndefined();
    expect(alpha3Country(undefined)).toBeUndefined();
  });
});
