/**
 * A tenant's connection to Hubject (OICP 2.3, we are the CPO): who we are there (OperatorID), where
 * Hubject is, and the mutual-TLS material. The client key and certificate are sealed with SecretCipher;
 * the Hubject CA is public and kept in clear. One per tenant.
 */
export interface OicpSettings {
  enabled: boolean;
  /** Our OperatorID at Hubject, e.g. `DE*VGC`: EVSE ids (eMI3) are built from it. */
  operatorId: string;
  operatorName: string;
  /** The support line drivers call, on every EVSE record (OICP requires it): `+` and 5 to 15 digits. */
  hotlinePhoneNumber: string;
  /** Hubject's base URL, e.g. `https://service.hubject.com/api/oicp`. */
  baseUrl: string;
  /**
   * Whether our tariffs go to Hubject as pricing products (eRoamingPushPricingProductData) with the
   * products of each EVSE (eRoamingPushEVSEPricing): the tenant's Hubject service offer must allow it.
   */
  dynamicPricing?: boolean;
  /** PEM, sealed. */
  clientCertificate?: string;
  /** PEM, sealed. */
  clientKey?: string;
  /** PEM: the CA Hubject's server certificate must chain to. */
  caCertificate?: string;
  certificateSubject?: string;
  certificateExpiresAt?: Date;
  /** The roaming partner that stands for Hubject (the outbox and sessions address it). */
  partnerId: string;
  /** When admins were last warned of the client certificate's expiry. */
  expiryWarnedAt?: Date;
  updatedAt?: Date;
}

/** The client certificate and key in clear, for one connection; never stored or returned like this. */
export interface OicpClientIdentity {
  cert: string;
  key: string;
  ca?: string;
}
