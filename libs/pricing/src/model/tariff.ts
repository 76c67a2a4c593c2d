/**
 * The OCPI 2.2.1 Tariff as this system's own model, in camelCase: what is stored, priced, shown and
 * sent to roaming partners is this one object (see ocpi/ocpi-tariff.mapper.ts for the exact JSON).
 * Plain types, no framework: the engine and other modules (roaming, billing) use them as they are.
 */

export enum TariffDimensionType {
  ENERGY = 'ENERGY',
  FLAT = 'FLAT',
  PARKING_TIME = 'PARKING_TIME',
  TIME = 'TIME',
}

export enum DayOfWeek {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

export enum TariffType {
  AD_HOC_PAYMENT = 'AD_HOC_PAYMENT',
  PROFILE_CHEAP = 'PROFILE_CHEAP',
  PROFILE_FAST = 'PROFILE_FAST',
  PROFILE_GREEN = 'PROFILE_GREEN',
  REGULAR = 'REGULAR',
}

export enum ReservationRestrictionType {
  RESERVATION = 'RESERVATION',
  RESERVATION_EXPIRES = 'RESERVATION_EXPIRES',
}

/** An amount of money; `inclVat` absent means it is not known. */
export interface PriceAmount {
  exclVat: number;
  inclVat?: number;
}

export interface PriceComponent {
  type: TariffDimensionType;
  /** Per unit (kWh, hour, or once for FLAT), excluding VAT. */
  price: number;
  /** VAT in percent; absent means no VAT applies (which is not the same as 0 %). */
  vat?: number;
  /** Billing block: Wh for ENERGY, seconds for TIME and PARKING_TIME, ignored for FLAT. */
  stepSize: number;
}

export interface TariffRestrictions {
  /** "HH:MM" local time at the site, inclusive; an end before the start wraps past midnight. */
  startTime?: string;
  /** "HH:MM" local time, exclusive. */
  endTime?: string;
  /** "YYYY-MM-DD" local date, inclusive. */
  startDate?: string;
  /** "YYYY-MM-DD" local date, exclusive. */
  endDate?: string;
  minKwh?: number;
  maxKwh?: number;
  /** Amperes, the sum over all phases. */
  minCurrent?: number;
  maxCurrent?: number;
  /** kW. */
  minPower?: number;
  maxPower?: number;
  /** Seconds since the session started. */
  minDuration?: number;
  maxDuration?: number;
  dayOfWeek?: DayOfWeek[];
  reservation?: ReservationRestrictionType;
}

export interface TariffElement {
  priceComponents: PriceComponent[];
  restrictions?: TariffRestrictions;
}

export interface DisplayText {
  language: string;
  text: string;
}

/** What the engine needs of a tariff: the priced part of the OCPI object. */
export interface TariffPricing {
  currency: string;
  elements: TariffElement[];
  minPrice?: PriceAmount;
  maxPrice?: PriceAmount;
  /** The tariff applies to sessions starting from this instant (UTC). */
  startDateTime?: Date;
  /** ... and before this one. */
  endDateTime?: Date;
}

export interface Tariff extends TariffPricing {
  id: string;
  tenantId?: string;
  name: string;
  type?: TariffType;
  tariffAltText: DisplayText[];
  tariffAltUrl?: string;
  /** OCPI `last_updated`. */
  updatedAt: Date;
  createdAt?: Date;
}
