import { RoamingTokenType } from '../tokens/roaming-token';

/** How a roaming token came to be allowed (OCPI AuthMethod). */
export type RoamingAuthMethod = 'AUTH_REQUEST' | 'COMMAND' | 'WHITELIST';

/** The token as sessions and CDRs carry it (OCPI CdrToken). */
export interface RoamingTokenRef {
  countryCode: string;
  partyId: string;
  uid: string;
  type: RoamingTokenType;
  contractId: string;
}

/**
 * A decision that let a partner's token charge at one of our stations: who (the eMSP partner and the
 * token), how, with which reference; the session started with it is the partner's.
 */
export interface RoamingAuthorization {
  stationId: string;
  partnerId: string;
  token: RoamingTokenRef;
  authMethod: RoamingAuthMethod;
  authorizationReference?: string;
  /** Until when a start with this token at this station relies on it without asking again. */
  expiresAt: Date;
  /** Withdrawn before a session used it (the partner stopped a remote start that had not begun). */
  cancelledAt?: Date;
  createdAt: Date;
}
