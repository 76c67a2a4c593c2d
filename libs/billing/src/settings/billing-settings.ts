/** A tenant's billing settings as stored: the secrets sealed (SecretCipher), never in clear. */
export interface BillingSettings {
  enabled: boolean;
  /** When billing was last switched on: sessions stopped before are never billed by reconciliation. */
  enabledAt?: Date;
  /** Sealed secret key (Stripe `sk_…` or a restricted `rk_…`), and its last 4 characters. */
  secretKeySealed?: string;
  secretKeyLast4?: string;
  publicKey?: string;
  /** Sealed webhook signing secret (`whsec_…`), and its last 4 characters. */
  webhookSecretSealed?: string;
  webhookSecretLast4?: string;
  /** Sealed signing secret of the Connect endpoint (connected accounts' events), and its last 4. */
  connectWebhookSecretSealed?: string;
  connectWebhookSecretLast4?: string;
  /** Each session invoiced and charged when it stops; otherwise one invoice per user and month. */
  immediateBilling: boolean;
  /** Tax applied to what the session's tariff prices without VAT. Billing needs it set (0 is a rate). */
  taxRatePercent?: number;
  /** ISO 4217; equal to the pricing currency. */
  currency?: string;
  /** Sessions shorter than this, or delivering less than freeSessionMaxWh, are free. */
  freeSessionMaxSeconds: number;
  freeSessionMaxWh: number;
  /** Stripe Connect platform fee per paid session: flat (in currency units) plus a percentage. */
  platformFeeFlat: number;
  platformFeePercent: number;
  updatedAt?: Date;
}

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  enabled: false,
  immediateBilling: true,
  freeSessionMaxSeconds: 120,
  freeSessionMaxWh: 500,
  platformFeeFlat: 0,
  platformFeePercent: 0,
};

/** What an admin changes; absent fields stay as they are. */
export interface BillingSettingsChanges {
  enabled: boolean;
  secretKey?: string;
  publicKey?: string;
  webhookSecret?: string;
  connectWebhookSecret?: string;
  immediateBilling?: boolean;
  taxRatePercent?: number;
  currency?: string;
  freeSessionMaxSeconds?: number;
  freeSessionMaxWh?: number;
  platformFeeFlat?: number;
  platformFeePercent?: number;
}

/** Why billing cannot run in a tenant, or null when it can: a secret key, a tax rate, a currency. */
export function incompleteSettings(settings: BillingSettings): string | null {
  if (!settings.secretKeySealed) return 'no secret key is set';
  if (settings.taxRatePercent === undefined || settings.taxRatePercent === null) return 'no tax rate is set';
  if (!settings.currency) return 'no currency is set';
  return null;
}
