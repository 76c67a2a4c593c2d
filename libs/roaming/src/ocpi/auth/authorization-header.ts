import { AuthorizationHeaderEncoding } from '../../partners/roaming-partner';
import { isOcpi22 } from '../protocol/ocpi-version';

/** The credentials token as the partner expects it in `Authorization: Token …` for `version`. */
export function authorizationHeader(
  token: string,
  encoding: AuthorizationHeaderEncoding,
  version: string,
): string {
  const base64 = encoding === 'BASE64' || (encoding === 'AUTO' && isOcpi22(version));
  return `Token ${base64 ? Buffer.from(token, 'utf8').toString('base64') : token}`;
}

const PRINTABLE = /^[\x21-\x7e]+$/;

/**
 * The tokens an `Authorization` header may carry: the value as sent, and its Base64 decoding when it
 * decodes to printable ASCII. OCPI 2.2.1 says Base64, 2.1.1 plain, and many implementations do either
 * (the spec's own note): we accept both, so a partner never fails on this. Our tokens are random, so
 * the two readings cannot be mistaken for each other's party.
 */
export function tokensOfHeader(header: string | undefined): string[] {
  const match = /^Token\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return [];
  const raw = match[1];
  const candidates = [raw];
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(raw) && raw.length % 4 === 0) {
    const decoded = Buffer.from(raw, 'base64').toString('utf8');
    if (PRINTABLE.test(decoded) && decoded !== raw) candidates.push(decoded);
  }
  return candidates;
}
