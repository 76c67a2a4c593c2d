import { Tariff, TariffDimensionType } from '@csms/pricing';
import { RoamingLocation } from '../../locations/roaming-location';
import { OicpOpenApi } from '../protocol/oicp-openapi';
import { FIXTURE_TIME, fixtureConnection, fixtureEvse } from '../testing/oicp-fixtures';
import { evsePricingOf, pricingProductData, pricingProductOf } from './oicp-pricing-products';

const api = OicpOpenApi.get();
const connection = fixtureConnection({ dynamicPricing: true });
const at = FIXTURE_TIME;

function tariff(id: string, extra: Partial<Tariff>): Tariff {
  return { id, name: id, currency: 'EUR', tariffAltText: [], elements: [], updatedAt: at, ...extra };
}

const component = (type: TariffDimensionType, price: number) => ({ type, price, vat: 20, stepSize: 1 });
const evse = fixtureEvse;

describe('our tariffs as OICP pricing products', () => {
  it('price energy per kWh with the flat fee as a start fee, parking and min/max as fees', () => {
    const product = pricingProductOf(
      tariff('t-energy', {
        minPrice: { exclVat: 2 },
        maxPrice: { exclVat: 30 },
        elements: [
          // A restricted element is not the base one: the unrestricted one is.
          {
            priceComponents: [component(TariffDimensionType.ENERGY, 0.6)],
            restrictions: { startTime: '18:00', endTime: '22:00' },
          },
          {
            priceComponents: [
              component(TariffDimensionType.ENERGY, 0.4),
              component(TariffDimensionType.FLAT, 1),
              component(TariffDimensionType.PARKING_TIME, 3),
            ],
          },
        ],
      }),
    );
    expect(product).toEqual({
      ProductID: 't-energy',
      ReferenceUnit: 'KILOWATT_HOUR',
      ProductPriceCurrency: 'EUR',
      PricePerReferenceUnit: 0.4,
      MaximumProductChargingPower: 999,
      IsValid24hours: true,
      ProductAvailabilityTimes: [{ Periods: [{ begin: '00:00', end: '23:59' }], on: 'Everyday' }],
      AdditionalReferences: [
        {
          AdditionalReference: 'START FEE',
          AdditionalReferenceUnit: 'KILOWATT_HOUR',
          PricePerAdditionalReferenceUnit: 1,
        },
        {
          AdditionalReference: 'PARKING FEE',
          AdditionalReferenceUnit: 'HOUR',
          PricePerAdditionalReferenceUnit: 3,
        },
        {
          AdditionalReference: 'MINIMUM FEE',
          AdditionalReferenceUnit: 'KILOWATT_HOUR',
          PricePerAdditionalReferenceUnit: 2,
        },
        {
          AdditionalReference: 'MAXIMUM FEE',
          AdditionalReferenceUnit: 'KILOWATT_HOUR',
          PricePerAdditionalReferenceUnit: 30,
        },
      ],
    });
  });

  it('price charging time per hour without energy, and a flat-only tariff as a fixed fee', () => {
    expect(
      pricingProductOf(
        tariff('t-time', {
          elements: [
            {
              priceComponents: [component(TariffDimensionType.TIME, 2.5)],
              restrictions: { maxPower: 11 },
            },
          ],
        }),
      ),
    ).toMatchObject({ ReferenceUnit: 'HOUR', PricePerReferenceUnit: 2.5, MaximumProductChargingPower: 11 });
    expect(
      pricingProductOf(
        tariff('t-flat', { elements: [{ priceComponents: [component(TariffDimensionType.FLAT, 5)] }] }),
      ),
    ).toMatchObject({
      PricePerReferenceUnit: 0,
      AdditionalReferences: [
        expect.objectContaining({ AdditionalReference: 'FIXED FEE', PricePerAdditionalReferenceUnit: 5 }),
      ],
    });
  });

  it('go as a full load every EMP may read, with the dearest base price as the default, valid per the OpenAPI', () => {
    const body = pricingProductData(connection, [
      tariff('cheap', { elements: [{ priceComponents: [component(TariffDimensionType.ENERGY, 0.3)] }] }),
      tariff('dear', { elements: [{ priceComponents: [component(TariffDimensionType.ENERGY, 0.55)] }] }),
    ]);
    api.checkRequest('PushPricingProductData', body);
    expect(body).toMatchObject({
      ActionType: 'fullLoad',
      PricingProductData: {
        OperatorID: 'DE*VGC',
        ProviderID: '*',
        PricingDefaultPrice: 0.55,
        PricingDefaultPriceCurrency: 'EUR',
        PricingDefaultReferenceUnit: 'KILOWATT_HOUR',
      },
    });
    // No tariff open to all: an empty full load withdraws every product.
    api.checkRequest('PushPricingProductData', pricingProductData(connection, []));
  });

  it('name each EVSE’s products, and withdraw those of EVSEs without a tariff or removed', () => {
    const location = {
      id: 'site-1',
      evses: [
        evse('CS-1', 'AVAILABLE', ['t1']),
        evse('CS-2', 'AVAILABLE', []),
        evse('CS-3', 'REMOVED', ['t1']),
      ],
    } as RoamingLocation;
    const pricing = evsePricingOf(connection, location);
    expect(pricing.update).toEqual([{ EvseID: 'DE*VGC*ECS1*1', ProviderID: '*', EvseIDProductList: ['t1'] }]);
    expect(pricing.delete.map((record) => record.EvseID)).toEqual(['DE*VGC*ECS2*1', 'DE*VGC*ECS3*1']);
    for (const action of ['update', 'delete'] as const)
      api.checkRequest('PushEVSEPricing', { ActionType: action, EVSEPricing: pricing[action] });
  });
});
