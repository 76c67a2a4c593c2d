import { CarDataFieldMapping, DEFAULT_FIELD_MAPPING } from './car-data-mapping';

/** How the connector gets its access tokens. */
export enum CarDataGrantType {
  /** Each driver connects their own account (OAuth2 authorization code); their token reads their cars. */
  AUTHORIZATION_CODE = 'AUTHORIZATION_CODE',
  /** The tenant's own account (OAuth2 client credentials) reads the cars its drivers shared with it. */
  CLIENT_CREDENTIALS = 'CLIENT_CREDENTIALS',
}

/** A tenant's car-data connector as stored: the client id and secret sealed (SecretCipher). */
export interface CarConnectorSettings {
  enabled: boolean;
  /** Shown to drivers ("TRONITY"). */
  name: string;
  grantType: CarDataGrantType;
  authorizeUrl?: string;
  tokenUrl?: string;
  clientIdSealed?: string;
  clientSecretSealed?: string;
  clientSecretLast4?: string;
  scope?: string;
  /** GET: the vehicles the token sees, with their VIN. */
  vehiclesUrl?: string;
  /** GET: one vehicle's reading; `{vehicleId}` and `{vin}` are replaced. */
  readingUrl?: string;
  mapping: CarDataFieldMapping;
  updatedAt?: Date;
}

export const DEFAULT_CAR_CONNECTOR_SETTINGS: CarConnectorSettings = {
  enabled: false,
  name: 'Car data',
  grantType: CarDataGrantType.AUTHORIZATION_CODE,
  mapping: DEFAULT_FIELD_MAPPING,
};

/** What an admin changes; absent fields stay as they are. */
export interface CarConnectorSettingsChanges {
  enabled: boolean;
  name?: string;
  grantType?: CarDataGrantType;
  authorizeUrl?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  vehiclesUrl?: string;
  readingUrl?: string;
  mapping?: Partial<CarDataFieldMapping>;
}

/** Why the connector cannot run in a tenant, or null when it can. */
export function incompleteCarConnectorSettings(settings: CarConnectorSettings): string | null {
  if (!settings.clientIdSealed || !settings.clientSecretSealed) return 'no client id and secret are set';
  if (!settings.tokenUrl) return 'no token URL is set';
  if (settings.grantType === CarDataGrantType.AUTHORIZATION_CODE && !settings.authorizeUrl) {
    return 'no authorization URL is set (authorization-code flow)';
  }
  if (!settings.vehiclesUrl) return 'no vehicle list URL is set';
  if (!settings.readingUrl) return 'no reading URL is set';
  if (!/\{(vehicleId|vin)\}/.test(settings.readingUrl))
    return 'the reading URL names neither {vehicleId} nor {vin}';
  return null;
}
