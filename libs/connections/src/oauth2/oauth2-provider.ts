/** An OAuth2 authorization server, as one tenant configured it for one kind of connection. */
export interface OAuth2Provider {
  /** Where the user's browser is sent to grant access (authorization-code flow; unused otherwise). */
  authorizeUrl: string;
  /** Where codes and refresh tokens are exchanged for access tokens. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes asked for, when the server wants them. */
  scope?: string;
}

/** What a token endpoint answered (RFC 6749 §5.1), with the extra fields some servers add. */
export interface OAuth2Tokens {
  accessToken: string;
  /** Kept from before when a refresh does not rotate it. */
  refreshToken?: string;
  /** When the access token stops working (absent: it did not say). */
  expiresAt?: Date;
  /** Extra string fields of the answer (Concur's `geolocation`, the user's base URL). */
  extras: Record<string, string>;
}

/**
 * The server refused the grant for good (RFC 6749 §5.2: `invalid_grant`, `invalid_client`…): the
 * user must connect again. Anything else (network, 5xx) is transient and retried.
 */
export class OAuth2GrantRefused extends Error {
  constructor(
    readonly error: string,
    description?: string,
  ) {
    super(description ? `${error}: ${description}` : error);
  }
}
