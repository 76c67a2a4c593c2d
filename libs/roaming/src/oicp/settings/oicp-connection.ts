import { OicpClientIdentity } from './oicp-settings';

/** An enabled Hubject connection, ready to call: the identity decrypted, in memory only. */
export interface OicpConnection {
  partnerId: string;
  operatorId: string;
  operatorName: string;
  hotlinePhoneNumber: string;
  baseUrl: string;
  /** Our tariffs are pushed as pricing products and EVSEs name theirs (dynamic pricing). */
  dynamicPricing: boolean;
  identity?: OicpClientIdentity;
  /** The Hubject CA (PEM): Hubject's server certificate and the client certificate it calls us with chain to it. */
  caCertificate?: string;
}

/** `DE*VGC` (or `DEVGC`) as eMI3 parts: country code and the three-character operator part. */
export function operatorParts(operatorId: string): { countryCode: string; partyId: string } {
  const compact = operatorId.replace('*', '').toUpperCase();
  return { countryCode: compact.slice(0, 2), partyId: compact.slice(2, 5) };
}
