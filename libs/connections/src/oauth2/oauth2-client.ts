import { OutboundFetch } from '@csms/common';
import { OAuth2GrantRefused, OAuth2Provider, OAuth2Tokens } from './oauth2-provider';

const TOKEN_TIMEOUT_MS = 15_000;
const STANDARD_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'expires_in',
  'token_type',
  'scope',
  'id_token',
]);

/** The URL the user's browser opens to grant access (RFC 6749 §4.1.1). */
export function authorizationUrl(provider: OAuth2Provider, redirectUri: string, state: string): string {
  const url = new URL(provider.authorizeUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  if (provider.scope) url.searchParams.set('scope', provider.scope);
  return url.toString();
}

/** Exchanges an authorization code (RFC 6749 §4.1.3). */
export function exchangeCode(
  http: OutboundFetch,
  provider: OAuth2Provider,
  code: string,
  redirectUri: string,
): Promise<OAuth2Tokens> {
  return requestTokens(http, provider, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
}

/** Gets a fresh access token with a refresh token (RFC 6749 §6). */
export function refreshTokens(
  http: OutboundFetch,
  provider: OAuth2Provider,
  refreshToken: string,
): Promise<OAuth2Tokens> {
  return requestTokens(http, provider, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/**
 * Gets an access token for the client itself, no user involved (RFC 6749 §4.4): a fleet account
 * that sees the vehicles its users shared with the application.
 */
export function clientCredentialsTokens(
  http: OutboundFetch,
  provider: OAuth2Provider,
): Promise<OAuth2Tokens> {
  return requestTokens(http, provider, {
    grant_type: 'client_credentials',
    ...(provider.scope ? { scope: provider.scope } : {}),
  });
}

async function requestTokens(
  http: OutboundFetch,
  provider: OAuth2Provider,
  grant: Record<string, string>,
): Promise<OAuth2Tokens> {
  // Client credentials in the body (RFC 6749 §2.3.1), as Concur and most car-data services take them.
  const body = new URLSearchParams({
    ...grant,
    client_id: provider.clientId,
    client_secret: provider.clientSecret,
  });
  const response = await http.fetch(provider.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
    signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status >= 400 && response.status < 500) {
    throw new OAuth2GrantRefused(
      typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`,
      typeof answer.error_description === 'string' ? answer.error_description : undefined,
    );
  }
  if (!response.ok) throw new Error(`The token endpoint answered HTTP ${response.status}`);
  if (typeof answer.access_token !== 'string' || !answer.access_token) {
    throw new Error('The token endpoint answered without an access_token');
  }
  // Some servers (Concur) send expires_in as a string.
  const expiresIn = Number(answer.expires_in);
  return {
    accessToken: answer.access_token,
    refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : undefined,
    expiresAt:
      Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : undefined,
    extras: Object.fromEntries(
      Object.entries(answer).filter(
        (entry): entry is [string, string] => !STANDARD_FIELDS.has(entry[0]) && typeof entry[1] === 'string',
      ),
    ),
  };
}
