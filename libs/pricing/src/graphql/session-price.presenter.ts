import { SessionPriceAmount } from '../engine/session-price';
import { SessionPriceModel } from './session-price.model';

/** The stored price as GraphQL shows it (each dimension's amounts as a Price). */
export function presentSessionPrice(price: SessionPriceAmount): SessionPriceModel {
  return {
    exclVat: price.exclVat,
    inclVat: price.inclVat,
    currency: price.currency,
    dimensions: price.dimensions.map((dimension) => ({
      type: dimension.type,
      quantity: dimension.quantity,
      price: { exclVat: dimension.exclVat, inclVat: dimension.inclVat },
    })),
  };
}
