import { PriceComponent, Tariff, TariffDimensionType } from './tariff';

const UNIT: Record<TariffDimensionType, string> = {
  ENERGY: '/kWh',
  TIME: '/h charging',
  PARKING_TIME: '/h parking',
  FLAT: ' per session',
};

/** Price incl. VAT as a driver reads it, e.g. "0.42 EUR/kWh". */
function priceText(component: PriceComponent, currency: string): string {
  const incl = component.price * (1 + (component.vat ?? 0) / 100);
  return `${Number(incl.toFixed(4))} ${currency}${UNIT[component.type]}`;
}

/**
 * What a station shows a driver about a tariff (OCPP personalMessage, California Pricing priceText):
 * the operator's text in the driver's language (else the first), or else the prices of the
 * unrestricted components, incl. VAT, e.g. "1 EUR per session + 0.42 EUR/kWh". At most 512 characters.
 */
export function tariffDisplayText(tariff: Tariff, language?: string): { language?: string; text: string } {
  const written =
    tariff.tariffAltText.find((text) => language && text.language === language) ?? tariff.tariffAltText[0];
  if (written) return { language: written.language, text: written.text.slice(0, 512) };
  const shown = new Map<TariffDimensionType, PriceComponent>();
  const unrestricted = tariff.elements.filter((element) => !element.restrictions);
  for (const element of unrestricted.length ? unrestricted : tariff.elements) {
    for (const component of element.priceComponents) {
      if (!shown.has(component.type) && component.price > 0) shown.set(component.type, component);
    }
  }
  const parts = [...shown.values()].map((component) => priceText(component, tariff.currency));
  const text = parts.length ? parts.join(' + ') : 'Free';
  const restricted = tariff.elements.length > unrestricted.length ? ' (prices vary by time and use)' : '';
  return { text: `${tariff.name}: ${text}${restricted}`.slice(0, 512) };
}
