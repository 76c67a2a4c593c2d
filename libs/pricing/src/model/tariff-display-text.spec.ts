import { Tariff, TariffDimensionType } from './tariff';
import { tariffDisplayText } from './tariff-display-text';

const { ENERGY, FLAT, PARKING_TIME } = TariffDimensionType;

function tariff(fields: Partial<Tariff>): Tariff {
  return {
    id: 't1',
    name: 'Car park',
    currency: 'EUR',
    tariffAltText: [],
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    elements: [
      {
        priceComponents: [
          { type: FLAT, price: 1, vat: 20, stepSize: 1 },
          { type: ENERGY, price: 0.35, vat: 20, stepSize: 1 },
        ],
      },
    ],
    ...fields,
  };
}

describe('tariffDisplayText', () => {
  it('writes the prices incl. VAT in English when the driver’s language is unknown', () => {
    expect(tariffDisplayText(tariff({}))).toEqual({
      language: 'en',
      text: 'Car park: 1.2 EUR per session + 0.42 EUR/kWh',
    });
    expect(tariffDisplayText(tariff({}), 'nl-NL').language).toBe('en');
  });

  it.each([
    ['fr-FR', 'fr', 'Car park: 1,2 EUR par session + 0,42 EUR/kWh'],
    ['de', 'de', 'Car park: 1,2 EUR pro Ladevorgang + 0,42 EUR/kWh'],
    ['es', 'es', 'Car park: 1,2 EUR por sesión + 0,42 EUR/kWh'],
    ['pt', 'pt', 'Car park: 1,2 EUR por sessão + 0,42 EUR/kWh'],
    ['it', 'it', 'Car park: 1,2 EUR per sessione + 0,42 EUR/kWh'],
  ])('writes the prices in the driver’s language (%s)', (language, expected, text) => {
    expect(tariffDisplayText(tariff({}), language)).toEqual({ language: expected, text });
  });

  it('says so when prices vary, and that a tariff without a price is free, in the driver’s language', () => {
    const varying = tariff({
      elements: [
        {
          priceComponents: [{ type: ENERGY, price: 0.5, stepSize: 1 }],
          restrictions: { startTime: '07:00' },
        },
        { priceComponents: [{ type: PARKING_TIME, price: 6, stepSize: 60 }] },
      ],
    });
    expect(tariffDisplayText(varying, 'de').text).toBe(
      'Car park: 6 EUR/h Parken (Preise je nach Uhrzeit und Nutzung)',
    );
    const free = tariff({ elements: [{ priceComponents: [{ type: ENERGY, price: 0, stepSize: 1 }] }] });
    expect(tariffDisplayText(free, 'fr').text).toBe('Car park: Gratuit');
  });

  it('prefers the operator’s own text in the driver’s language, else their first', () => {
    const written = tariff({
      tariffAltText: [
        { language: 'en', text: 'Members pay 0.42 EUR/kWh' },
        { language: 'fr', text: 'Les membres paient 0,42 EUR/kWh' },
      ],
    });
    expect(tariffDisplayText(written, 'fr-BE')).toEqual({
      language: 'fr',
      text: 'Les membres paient 0,42 EUR/kWh',
    });
    expect(tariffDisplayText(written, 'it')).toEqual({ language: 'en', text: 'Members pay 0.42 EUR/kWh' });
    expect(tariffDisplayText(written)).toEqual({ language: 'en', text: 'Members pay 0.42 EUR/kWh' });
  });

  it('keeps within the 512 characters a station displays', () => {
    expect(tariffDisplayText(tariff({ name: 'x'.repeat(600) }), 'fr').text).toHaveLength(512);
  });
});
