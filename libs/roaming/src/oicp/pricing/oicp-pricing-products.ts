import { PriceComponent, Tariff, TariffDimensionType, TariffElement } from '@csms/pricing';
import { RoamingLocation } from '../../locations/roaming-location';
import { oicpEvseId } from '../outbox/oicp-evse-records';
import { OicpConnection } from '../settings/oicp-connection';

/** Our products are offered to every EMP ("Offer to All"): Hubject's `*` provider. */
export const ALL_PROVIDERS = '*';
/** OICP ProductIDs are at most 50 characters. */
const PRODUCT_ID_LENGTH = 50;
/** MaximumProductChargingPower of a product without a power limit (OICP's EVSE power goes to 999 kW). */
const NO_POWER_LIMIT_KW = 999;

type ReferenceUnit = 'KILOWATT_HOUR' | 'HOUR' | 'MINUTE';

export interface OicpPricingProduct {
  ProductID: string;
  ReferenceUnit: ReferenceUnit;
  ProductPriceCurrency: string;
  PricePerReferenceUnit: number;
  MaximumProductChargingPower: number;
  IsValid24hours: boolean;
  ProductAvailabilityTimes: { Periods: { begin: string; end: string }[]; on: string }[];
  AdditionalReferences?: {
    AdditionalReference: 'START FEE' | 'FIXED FEE' | 'PARKING FEE' | 'MINIMUM FEE' | 'MAXIMUM FEE';
    AdditionalReferenceUnit: ReferenceUnit;
    PricePerAdditionalReferenceUnit: number;
  }[];
}

/** The OICP ProductID of our tariff: its id, which the CDR names as PartnerProductID too. */
export function oicpProductId(tariffId: string): string {
  return tariffId.slice(0, PRODUCT_ID_LENGTH);
}

/** Prices to 4 decimals: JSON numbers without float noise (0.30000000000000004). */
function money(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The element every session can fall back to: the first without restrictions, else the first. */
function baseElement(tariff: Tariff): TariffElement | undefined {
  const charging = tariff.elements.filter((element) => !element.restrictions?.reservation);
  return charging.find((element) => !hasRestrictions(element)) ?? charging[0];
}

function hasRestrictions(element: TariffElement): boolean {
  return Object.values(element.restrictions ?? {}).some(
    (value) => value !== undefined && value !== null && !(Array.isArray(value) && !value.length),
  );
}

function componentOf(
  element: TariffElement | undefined,
  type: TariffDimensionType,
): PriceComponent | undefined {
  return element?.priceComponents.find((component) => component.type === type);
}

/**
 * One of our tariffs as an OICP pricing product (eRoamingPushPricingProductData). OICP prices a
 * product per one reference unit with additional fees, so the tariff's base element (the one without
 * restrictions) is what is projected, excluding VAT as OCPI prices are: energy per kWh (or else charging
 * time per hour), the flat fee as START FEE (FIXED FEE when it is the only price), parking time as
 * PARKING FEE per hour, min/max price as MINIMUM/MAXIMUM FEE. What OICP cannot express (charging time
 * beside energy, restricted elements) stays in our engine's price of the session.
 */
export function pricingProductOf(tariff: Tariff): OicpPricingProduct {
  const element = baseElement(tariff);
  const energy = componentOf(element, TariffDimensionType.ENERGY);
  const time = componentOf(element, TariffDimensionType.TIME);
  const parking = componentOf(element, TariffDimensionType.PARKING_TIME);
  const flat = componentOf(element, TariffDimensionType.FLAT);
  const base = energy ?? time;
  const unit: ReferenceUnit = energy || !time ? 'KILOWATT_HOUR' : 'HOUR';
  const fee = (
    AdditionalReference: NonNullable<
      OicpPricingProduct['AdditionalReferences']
    >[number]['AdditionalReference'],
    price: number,
    AdditionalReferenceUnit: ReferenceUnit = unit,
  ) => ({ AdditionalReference, AdditionalReferenceUnit, PricePerAdditionalReferenceUnit: money(price) });
  const additional = [
    ...(flat ? [fee(base || parking ? 'START FEE' : 'FIXED FEE', flat.price)] : []),
    ...(parking ? [fee('PARKING FEE', parking.price, 'HOUR')] : []),
    ...(tariff.minPrice ? [fee('MINIMUM FEE', tariff.minPrice.exclVat)] : []),
    ...(tariff.maxPrice ? [fee('MAXIMUM FEE', tariff.maxPrice.exclVat)] : []),
  ];
  const maxPower = element?.restrictions?.maxPower;
  return {
    ProductID: oicpProductId(tariff.id),
    ReferenceUnit: unit,
    ProductPriceCurrency: tariff.currency,
    PricePerReferenceUnit: money(base?.price ?? 0),
    MaximumProductChargingPower: maxPower && maxPower > 0 ? maxPower : NO_POWER_LIMIT_KW,
    IsValid24hours: true,
    ProductAvailabilityTimes: [{ Periods: [{ begin: '00:00', end: '23:59' }], on: 'Everyday' }],
    ...(additional.length ? { AdditionalReferences: additional } : {}),
  };
}

/**
 * A full load of our products for every EMP. OICP wants a default price for EVSEs without a product:
 * the dearest base price among the products (of the first product's currency and unit), so that a
 * driver is never told less than they pay.
 */
export function pricingProductData(
  connection: OicpConnection,
  tariffs: readonly Tariff[],
): Record<string, unknown> {
  const products = tariffs.map(pricingProductOf);
  const first = products[0];
  const alike = products.filter(
    (product) =>
      product.ProductPriceCurrency === first?.ProductPriceCurrency &&
      product.ReferenceUnit === first?.ReferenceUnit,
  );
  return {
    ActionType: 'fullLoad',
    PricingProductData: {
      OperatorID: connection.operatorId,
      OperatorName: connection.operatorName,
      ProviderID: ALL_PROVIDERS,
      PricingDefaultPrice: Math.max(0, ...alike.map((product) => product.PricePerReferenceUnit)),
      PricingDefaultPriceCurrency: first?.ProductPriceCurrency ?? 'EUR',
      PricingDefaultReferenceUnit: first?.ReferenceUnit ?? 'KILOWATT_HOUR',
      PricingProductDataRecords: products,
    },
  };
}

/**
 * Which products apply at each of the location's EVSEs (eRoamingPushEVSEPricing): the tariffs any
 * driver gets there, as the location projection resolved them. EVSEs without one (or withdrawn) are
 * deleted, so Hubject never keeps a product that no longer applies.
 */
export function evsePricingOf(
  connection: OicpConnection,
  location: RoamingLocation,
): { update: Record<string, unknown>[]; delete: Record<string, unknown>[] } {
  const update: Record<string, unknown>[] = [];
  const removed: Record<string, unknown>[] = [];
  for (const evse of location.evses) {
    const products = [
      ...new Set(evse.connectors.flatMap((connector) => connector.tariffIds).map(oicpProductId)),
    ];
    const record = {
      EvseID: oicpEvseId(connection.operatorId, evse.stationId, evse.connectorId),
      ProviderID: ALL_PROVIDERS,
      EvseIDProductList: products,
    };
    if (evse.status !== 'REMOVED' && products.length) update.push(record);
    else removed.push(record);
  }
  return { update, delete: removed };
}
