/** A tenant's pricing settings, defaults filled in. */
export interface PricingSettings {
  /** ISO 4217: proposed for new tariffs and used by estimates when no tariff applies. */
  defaultCurrency: string;
  /** How often a running session's cost is sent to its station (OCPP 2.0.1 CostUpdated, 1.6 RunningCost). */
  costUpdatedIntervalSeconds: number;
  /** The CPO identity OCPI tariffs carry (Tariff.country_code, party_id). */
  ocpiCountryCode: string;
  ocpiPartyId: string;
}

export const DEFAULT_PRICING_SETTINGS: PricingSettings = {
  defaultCurrency: 'EUR',
  costUpdatedIntervalSeconds: 60,
  ocpiCountryCode: 'ZZ',
  ocpiPartyId: 'CSM',
};
