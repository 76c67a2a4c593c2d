import { Locale, resolveLocale } from '@csms/common';
import { PriceComponent, Tariff, TariffDimensionType } from './tariff';

interface Wording {
  unit: Record<TariffDimensionType, string>;
  free: string;
  varies: string;
}

/** The words around the prices of a tariff without the operator's own text, in each product language. */
const WORDING: Record<Locale, Wording> = {
  en: {
    unit: { ENERGY: '/kWh', TIME: '/h charging', PARKING_TIME: '/h parking', FLAT: ' per session' },
    free: 'Free',
    varies: 'prices vary by time and use',
  },
  fr: {
    unit: { ENERGY: '/kWh', TIME: '/h de charge', PARKING_TIME: '/h de stationnement', FLAT: ' par session' },
    free: 'Gratuit',
    varies: 'prix variables selon l’heure et l’usage',
  },
  es: {
    unit: { ENERGY: '/kWh', TIME: '/h de carga', PARKING_TIME: '/h de estacionamiento', FLAT: ' por sesión' },
    free: 'Gratis',
    varies: 'los precios varían según la hora y el uso',
  },
  de: {
    unit: { ENERGY: '/kWh', TIME: '/h Laden', PARKING_TIME: '/h Parken', FLAT: ' pro Ladevorgang' },
    free: 'Kostenlos',
    varies: 'Preise je nach Uhrzeit und Nutzung',
  },
  pt: {
    unit: {
      ENERGY: '/kWh',
      TIME: '/h de carregamento',
      PARKING_TIME: '/h de estacionamento',
      FLAT: ' por sessão',
    },
    free: 'Grátis',
    varies: 'os preços variam com o horário e o uso',
  },
  it: {
    unit: { ENERGY: '/kWh', TIME: '/h di ricarica', PARKING_TIME: '/h di sosta', FLAT: ' per sessione' },
    free: 'Gratuito',
    varies: 'prezzi variabili in base a orario e utilizzo',
  },
};

/** Price incl. VAT as a driver reads it in their language, e.g. "0.42 EUR/kWh" or "0,42 EUR/kWh". */
function priceText(component: PriceComponent, currency: string, locale: Locale): string {
  const incl = component.price * (1 + (component.vat ?? 0) / 100);
  const amount = new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false }).format(incl);
  return `${amount} ${currency}${WORDING[locale].unit[component.type]}`;
}

/**
 * What a station shows a driver about a tariff (OCPP personalMessage, California Pricing priceText):
 * the operator's text in the driver's language (else the first), or else the prices of the
 * unrestricted components, incl. VAT, in the driver's language, e.g. "1 EUR per session + 0.42 EUR/kWh".
 * At most 512 characters.
 */
export function tariffDisplayText(tariff: Tariff, language?: string): { language: string; text: string } {
  const locale = resolveLocale(language);
  const wanted = language?.slice(0, 2).toLowerCase();
  const written =
    tariff.tariffAltText.find((text) => text.language.slice(0, 2).toLowerCase() === wanted) ??
    tariff.tariffAltText[0];
  if (written) return { language: written.language, text: written.text.slice(0, 512) };
  const shown = new Map<TariffDimensionType, PriceComponent>();
  const unrestricted = tariff.elements.filter((element) => !element.restrictions);
  for (const element of unrestricted.length ? unrestricted : tariff.elements) {
    for (const component of element.priceComponents) {
      if (!shown.has(component.type) && component.price > 0) shown.set(component.type, component);
    }
  }
  const parts = [...shown.values()].map((component) => priceText(component, tariff.currency, locale));
  const text = parts.length ? parts.join(' + ') : WORDING[locale].free;
  const restricted = tariff.elements.length > unrestricted.length ? ` (${WORDING[locale].varies})` : '';
  return { language: locale, text: `${tariff.name}: ${text}${restricted}`.slice(0, 512) };
}
