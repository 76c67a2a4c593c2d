/** A tenant's Concur settings as stored: the client id and secret sealed (SecretCipher), never in clear. */
export interface RefundSettings {
  enabled: boolean;
  clientIdSealed?: string;
  clientSecretSealed?: string;
  clientSecretLast4?: string;
  /** Concur's OAuth2 server (…/oauth2/v0/authorize and …/oauth2/v0/token below it). */
  authenticationUrl?: string;
  /** Concur's API, when the token does not name the user's own (its `geolocation`). */
  apiUrl?: string;
  /** Space-separated OAuth2 scopes asked for. */
  scope: string;
  /** The expense type of each entry (e.g. a "car charging" type of the company's Concur). */
  expenseTypeCode?: string;
  /** How the employee paid (Concur's PaymentTypeID, e.g. cash/personal card). */
  paymentTypeId?: string;
  /** The expense policy the reports are created under (Concur's PolicyID), if not the user's default. */
  policyId?: string;
  /** The name of each report; "{month}" becomes the month of its first session. */
  reportName: string;
  updatedAt?: Date;
}

export const DEFAULT_REFUND_SETTINGS: RefundSettings = {
  enabled: false,
  scope: 'EXPRPT',
  reportName: 'EV charging {month}',
};

/** What an admin changes; absent fields stay as they are. */
export interface RefundSettingsChanges {
  enabled: boolean;
  clientId?: string;
  clientSecret?: string;
  authenticationUrl?: string;
  apiUrl?: string;
  scope?: string;
  expenseTypeCode?: string;
  paymentTypeId?: string;
  policyId?: string;
  reportName?: string;
}

/** Why refunds cannot run in a tenant, or null when they can. */
export function incompleteRefundSettings(settings: RefundSettings): string | null {
  if (!settings.clientIdSealed || !settings.clientSecretSealed)
    return 'no Concur client id and secret are set';
  if (!settings.authenticationUrl) return 'no Concur authentication URL is set';
  if (!settings.apiUrl) return 'no Concur API URL is set';
  if (!settings.expenseTypeCode) return 'no expense type is set';
  if (!settings.paymentTypeId) return 'no payment type is set';
  return null;
}
