import { DayOfWeek, Tariff, TariffDimensionType, TariffType } from '../model/tariff';
import { OcpiTariffFormatError, fromOcpiTariff, toOcpiTariff } from './ocpi-tariff.mapper';

const party = { countryCode: 'DE', partyId: 'VGC' };

const tariff: Tariff = {
  id: 'tariff-1',
  name: 'Day and night',
  currency: 'EUR',
  type: TariffType.REGULAR,
  tariffAltText: [{ language: 'en', text: 'Cheaper at night' }],
  minPrice: { exclVat: 1, inclVat: 1.19 },
  elements: [
    {
      priceComponents: [{ type: TariffDimensionType.ENERGY, price: 0.19, vat: 19, stepSize: 1 }],
      restrictions: { startTime: '22:00', endTime: '06:00', dayOfWeek: [DayOfWeek.MONDAY], minKwh: 0.5 },
    },
    { priceComponents: [{ type: TariffDimensionType.PARKING_TIME, price: 6, stepSize: 300 }] },
  ],
  startDateTime: new Date('2024-01-01T00:00:00Z'),
  updatedAt: new Date('2024-02-03T04:05:06.789Z'),
};

describe('OCPI 2.2.1 Tariff mapping', () => {
  it('writes the exact OCPI JSON, snake_case, with DateTimes in UTC to the second', () => {
    expect(toOcpiTariff(tariff, party)).toEqual({
      country_code: 'DE',
      party_id: 'VGC',
      id: 'tariff-1',
      currency: 'EUR',
      type: 'REGULAR',
      tariff_alt_text: [{ language: 'en', text: 'Cheaper at night' }],
      min_price: { excl_vat: 1, incl_vat: 1.19 },
      elements: [
        {
          price_components: [{ type: 'ENERGY', price: 0.19, vat: 19, step_size: 1 }],
          restrictions: { start_time: '22:00', end_time: '06:00', day_of_week: ['MONDAY'], min_kwh: 0.5 },
        },
        { price_components: [{ type: 'PARKING_TIME', price: 6, step_size: 300 }] },
      ],
      start_date_time: '2024-01-01T00:00:00Z',
      last_updated: '2024-02-03T04:05:06Z',
    });
  });

  it('reads back what it wrote', () => {
    const imported = fromOcpiTariff(JSON.stringify(toOcpiTariff(tariff, party)));
    expect(imported).toEqual({
      ocpiId: 'tariff-1',
      party,
      currency: 'EUR',
      type: TariffType.REGULAR,
      tariffAltText: tariff.tariffAltText,
      minPrice: tariff.minPrice,
      elements: tariff.elements,
      startDateTime: tariff.startDateTime,
    });
  });

  it.each([
    ['not JSON', '{', '(root): not JSON'],
    ['a field OCPI does not have', { ...toOcpiTariff(tariff, party), colour: 'red' }, 'Unrecognized key'],
    ['camelCase instead of snake_case', { ...toOcpiTariff(tariff, party), stepSize: 1 }, 'stepSize'],
    ['no elements', { ...toOcpiTariff(tariff, party), elements: [] }, 'elements'],
    [
      'a bad dimension',
      {
        ...toOcpiTariff(tariff, party),
        elements: [{ price_components: [{ type: 'KWH', price: 1, step_size: 1 }] }],
      },
      'elements.0.price_components.0.type',
    ],
  ])('refuses %s with a message naming the problem', (_name, input, message) => {
    expect(() => fromOcpiTariff(input)).toThrow(OcpiTariffFormatError);
    expect(() => fromOcpiTariff(input)).toThrow(message);
  });
});
