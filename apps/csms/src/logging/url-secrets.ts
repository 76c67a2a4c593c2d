/**
 * Query parameters that carry credentials (a station's registration token; an OAuth2 authorization
 * code and its state on the way back from a service); never logged.
 */
const SECRET_PARAMS = ['token', 'code', 'state'];

/** The URL as logs show it: credentials in the query string replaced by `[REDACTED]`. */
export function withoutUrlSecrets(url: string | undefined): string | undefined {
  if (!url?.includes('?')) return url;
  const pattern = new RegExp(`([?&](?:${SECRET_PARAMS.join('|')})=)[^&#]*`, 'gi');
  return url.replace(pattern, '$1[REDACTED]');
}

/** pino-http's serialized request with the URL and parsed query cleaned of credentials. */
export function redactRequestSecrets<T extends { url?: string; query?: Record<string, unknown> }>(req: T): T {
  const query = req.query && { ...req.query };
  for (const name of SECRET_PARAMS) if (query && name in query) query[name] = '[REDACTED]';
  return { ...req, url: withoutUrlSecrets(req.url), ...(query ? { query } : {}) };
}
