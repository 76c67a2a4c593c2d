/** ISO 4217 currencies whose minor unit is not the cent (exponent 2). */
const MINOR_UNITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const KNOWN = new Set<string>(Intl.supportedValuesOf('currency'));

/** Whether `code` is an ISO 4217 currency code (upper case, as OCPI and Stripe want it). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN.has(code);
}

/** Decimal places of the currency's minor unit: JPY 0, EUR 2, KWD 3. */
export function minorUnitsOf(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}
