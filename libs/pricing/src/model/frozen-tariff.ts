import { Tariff } from './tariff';
import { normalizeElements, normalizePrice } from './tariff-normalize';

/**
 * A tariff as stored inside another document (a session's frozen copy), read back into the model:
 * BSON gives null for what was left out, and dates back as Dates.
 */
export function frozenTariffOf(stored: Tariff): Tariff {
  const date = (value: Date | string | null | undefined): Date | undefined =>
    value === null || value === undefined ? undefined : new Date(value);
  return {
    id: stored.id,
    tenantId: stored.tenantId ?? undefined,
    name: stored.name,
    currency: stored.currency,
    type: stored.type ?? undefined,
    tariffAltText: stored.tariffAltText ?? [],
    tariffAltUrl: stored.tariffAltUrl ?? undefined,
    minPrice: normalizePrice(stored.minPrice),
    maxPrice: normalizePrice(stored.maxPrice),
    startDateTime: date(stored.startDateTime),
    endDateTime: date(stored.endDateTime),
    elements: normalizeElements(stored.elements ?? []),
    updatedAt: date(stored.updatedAt) ?? new Date(0),
    createdAt: date(stored.createdAt),
  };
}
