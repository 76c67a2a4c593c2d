import { BadInputError } from '../errors/domain-error';

/**
 * Whether `value` may be the address of an outside service a tenant configures: https, or http
 * outside production (local fakes and test servers).
 */
export function isServiceUrl(value: string, production: boolean): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (!production && url.protocol === 'http:');
  } catch {
    return false;
  }
}

/** Refuses (BAD_USER_INPUT, naming the field) the first of these settings that is not a service URL. */
export function checkServiceUrls(urls: Record<string, string | undefined>, production: boolean): void {
  for (const [field, url] of Object.entries(urls)) {
    if (url !== undefined && !isServiceUrl(url, production)) {
      throw new BadInputError(
        production ? `${field} must be an https:// URL` : `${field} must be an http(s):// URL`,
        { field },
      );
    }
  }
}
