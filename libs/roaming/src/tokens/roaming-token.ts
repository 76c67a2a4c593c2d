/** A driver's token issued by an eMSP partner, as we (its CPO) keep it (OCPI Token, neutral form). */

export type RoamingTokenType = 'AD_HOC_USER' | 'APP_USER' | 'OTHER' | 'RFID';
export const ROAMING_TOKEN_TYPES: readonly RoamingTokenType[] = ['AD_HOC_USER', 'APP_USER', 'OTHER', 'RFID'];

/**
 * When we may decide on the token ourselves (OCPI WhitelistType): ALWAYS — only locally; ALLOWED —
 * locally (real-time is allowed too); ALLOWED_OFFLINE — real-time, locally only when the eMSP cannot be
 * reached; NEVER — real-time only.
 */
export type WhitelistType = 'ALWAYS' | 'ALLOWED' | 'ALLOWED_OFFLINE' | 'NEVER';
export const WHITELIST_TYPES: readonly WhitelistType[] = ['ALWAYS', 'ALLOWED', 'ALLOWED_OFFLINE', 'NEVER'];

export interface RoamingToken {
  partnerId: string;
  /** The eMSP party that owns it (2.1.1 tokens: the partner's party). */
  countryCode: string;
  partyId: string;
  /** As the station reads it (RFID UID), compared case-insensitively. */
  uid: string;
  type: RoamingTokenType;
  /** The contract id (2.1.1 auth_id). */
  contractId: string;
  visualNumber?: string;
  issuer: string;
  groupId?: string;
  valid: boolean;
  whitelist: WhitelistType;
  language?: string;
  lastUpdated: Date;
}
