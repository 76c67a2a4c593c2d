import { TariffDimensionType } from '../model/tariff';
import { minorUnitsOf } from '../money/currency';
import { SessionQuote } from './session-quote';

/** One dimension of a session's price, rounded for display and storage. */
export interface PricedDimensionAmount {
  type: TariffDimensionType;
  /** Billed quantity: kWh for ENERGY, hours for TIME and PARKING_TIME, 1 for FLAT. */
  quantity: number;
  exclVat: number;
  inclVat: number;
}

/**
 * A session's price as stored on the transaction and shown in GraphQL: totals rounded once to the
 * currency's minor units (the dimensions are each rounded for display and may not add up to the
 * last minor unit; the total is the price).
 */
export interface SessionPriceAmount {
  currency: string;
  exclVat: number;
  inclVat: number;
  dimensions: PricedDimensionAmount[];
}

/** Billed quantities are shown to 6 decimals (a mWh, or 3.6 ms). */
const QUANTITY_DECIMALS = 6;

export function toSessionPrice(quote: SessionQuote): SessionPriceAmount {
  const decimals = minorUnitsOf(quote.currency);
  return {
    currency: quote.currency,
    exclVat: quote.total.exclVat.toNumber(),
    inclVat: quote.total.inclVat.toNumber(),
    dimensions: quote.dimensions.map((dimension) => ({
      type: dimension.type,
      quantity: dimension.quantity.round(QUANTITY_DECIMALS).toNumber(),
      exclVat: dimension.price.exclVat.round(decimals).toNumber(),
      inclVat: dimension.price.inclVat.round(decimals).toNumber(),
    })),
  };
}
