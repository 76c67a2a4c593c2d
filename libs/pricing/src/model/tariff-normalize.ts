import { PriceAmount, PriceComponent, TariffElement, TariffRestrictions } from './tariff';

/** Drops null and undefined fields (GraphQL inputs and stored documents carry them; OCPI omits them). */
function present<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined && field !== null),
  ) as T;
}

export function normalizePrice(price: PriceAmount | null | undefined): PriceAmount | undefined {
  return price ? present({ exclVat: price.exclVat, inclVat: price.inclVat }) : undefined;
}

/** Plain tariff elements with only the fields that are set, as the engine and OCPI expect. */
export function normalizeElements(elements: TariffElement[]): TariffElement[] {
  return elements.map((element) => {
    const priceComponents = element.priceComponents.map((component): PriceComponent =>
      present({
        type: component.type,
        price: component.price,
        vat: component.vat,
        stepSize: component.stepSize,
      }),
    );
    const restrictions = element.restrictions
      ? present<TariffRestrictions>({ ...element.restrictions })
      : undefined;
    if (restrictions?.dayOfWeek && !restrictions.dayOfWeek.length) delete restrictions.dayOfWeek;
    return restrictions && Object.keys(restrictions).length
      ? { priceComponents, restrictions }
      : { priceComponents };
  });
}
