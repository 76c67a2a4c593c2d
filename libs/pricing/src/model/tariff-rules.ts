import { isCurrencyCode } from '../money/currency';
import { PriceAmount, TariffElement, TariffPricing } from './tariff';

const CLOCK = /^([0-1][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^([12][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** A rule a tariff breaks, with the path of the field (as in the input) that breaks it. */
export interface TariffViolation {
  field: string;
  message: string;
}

function nonNegative(value: number | undefined, field: string, violations: TariffViolation[]): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
    violations.push({ field, message: `${field} must be a number ≥ 0` });
  }
}

function checkRange(
  min: number | undefined,
  max: number | undefined,
  field: string,
  violations: TariffViolation[],
): void {
  if (min !== undefined && max !== undefined && min > max) {
    violations.push({ field, message: `${field}: the minimum is above the maximum` });
  }
}

function checkPrice(price: PriceAmount | undefined, field: string, violations: TariffViolation[]): void {
  if (!price) return;
  nonNegative(price.exclVat, `${field}.exclVat`, violations);
  nonNegative(price.inclVat, `${field}.inclVat`, violations);
  if (price.inclVat !== undefined && price.inclVat < price.exclVat) {
    violations.push({ field, message: `${field}: inclVat is below exclVat` });
  }
}

function checkElement(element: TariffElement, path: string, violations: TariffViolation[]): void {
  if (!element.priceComponents.length) {
    violations.push({
      field: `${path}.priceComponents`,
      message: 'An element needs at least one price component',
    });
  }
  element.priceComponents.forEach((component, index) => {
    const field = `${path}.priceComponents[${index}]`;
    nonNegative(component.price, `${field}.price`, violations);
    if (component.vat !== undefined && !(component.vat >= 0 && component.vat <= 100)) {
      violations.push({ field: `${field}.vat`, message: 'VAT is a percentage between 0 and 100' });
    }
    if (!Number.isInteger(component.stepSize) || component.stepSize < 0) {
      violations.push({ field: `${field}.stepSize`, message: 'stepSize is a whole number ≥ 0' });
    }
  });
  const restrictions = element.restrictions;
  if (!restrictions) return;
  const field = `${path}.restrictions`;
  for (const key of ['startTime', 'endTime'] as const) {
    const value = restrictions[key];
    if (value !== undefined && !CLOCK.test(value)) {
      violations.push({ field: `${field}.${key}`, message: `${key} must be HH:MM (24 h, leading zeros)` });
    }
  }
  for (const key of ['startDate', 'endDate'] as const) {
    const value = restrictions[key];
    if (value !== undefined && !DATE.test(value)) {
      violations.push({ field: `${field}.${key}`, message: `${key} must be YYYY-MM-DD` });
    }
  }
  for (const key of [
    'minKwh',
    'maxKwh',
    'minCurrent',
    'maxCurrent',
    'minPower',
    'maxPower',
    'minDuration',
    'maxDuration',
  ] as const) {
    nonNegative(restrictions[key], `${field}.${key}`, violations);
  }
  for (const key of ['minDuration', 'maxDuration'] as const) {
    const value = restrictions[key];
    if (value !== undefined && !Number.isInteger(value)) {
      violations.push({ field: `${field}.${key}`, message: `${key} is a whole number of seconds` });
    }
  }
  checkRange(restrictions.minKwh, restrictions.maxKwh, `${field}.kwh`, violations);
  checkRange(restrictions.minCurrent, restrictions.maxCurrent, `${field}.current`, violations);
  checkRange(restrictions.minPower, restrictions.maxPower, `${field}.power`, violations);
  checkRange(restrictions.minDuration, restrictions.maxDuration, `${field}.duration`, violations);
  if (restrictions.startDate && restrictions.endDate && restrictions.startDate >= restrictions.endDate) {
    violations.push({ field: `${field}.endDate`, message: 'endDate (exclusive) must come after startDate' });
  }
}

/** Everything wrong with a tariff's priced part; empty when it can be used. */
export function tariffViolations(tariff: TariffPricing): TariffViolation[] {
  const violations: TariffViolation[] = [];
  if (!isCurrencyCode(tariff.currency)) {
    violations.push({ field: 'currency', message: `${tariff.currency} is not an ISO 4217 currency code` });
  }
  if (!tariff.elements.length) {
    violations.push({ field: 'elements', message: 'A tariff needs at least one element' });
  }
  tariff.elements.forEach((element, index) => checkElement(element, `elements[${index}]`, violations));
  checkPrice(tariff.minPrice, 'minPrice', violations);
  checkPrice(tariff.maxPrice, 'maxPrice', violations);
  if (tariff.minPrice && tariff.maxPrice && tariff.minPrice.exclVat > tariff.maxPrice.exclVat) {
    violations.push({ field: 'maxPrice', message: 'maxPrice is below minPrice' });
  }
  if (tariff.startDateTime && tariff.endDateTime && tariff.startDateTime >= tariff.endDateTime) {
    violations.push({ field: 'endDateTime', message: 'endDateTime must come after startDateTime' });
  }
  return violations;
}
