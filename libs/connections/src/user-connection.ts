/** A user's OAuth2 connection to one kind of outside service (Concur, a car-data service…). */
export interface UserConnection {
  tenantId: string;
  userId: string;
  kind: string;
  accessTokenSealed: string;
  refreshTokenSealed?: string;
  expiresAt?: Date;
  extras: Record<string, string>;
  brokenReason?: string;
  connectedAt: Date;
}

/** The user has no usable connection of this kind: not connected, or the service revoked it. */
export class NotConnectedError extends Error {}
