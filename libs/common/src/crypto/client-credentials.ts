import { SecretCipher } from './secret-cipher';

/** An OAuth2 client id and secret as a tenant's settings store them: sealed, the secret's last 4 shown. */
export interface SealedClientCredentials {
  clientIdSealed?: string;
  clientSecretSealed?: string;
  clientSecretLast4?: string;
}

/** The sealed form of the client id and secret an admin set; what they left out is left out. */
export function sealClientCredentials(
  cipher: SecretCipher,
  changes: { clientId?: string; clientSecret?: string },
): SealedClientCredentials {
  return {
    ...(changes.clientId ? { clientIdSealed: cipher.encrypt(changes.clientId) } : {}),
    ...(changes.clientSecret
      ? {
          clientSecretSealed: cipher.encrypt(changes.clientSecret),
          clientSecretLast4: changes.clientSecret.slice(-4),
        }
      : {}),
  };
}
