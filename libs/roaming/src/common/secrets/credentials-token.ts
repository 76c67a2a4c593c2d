import { createHash, randomBytes } from 'node:crypto';

/**
 * A credentials token of ours: 32 random bytes, base64url (43 printable ASCII characters, no
 * whitespace, within OCPI's string(64)).
 */
export function newCredentialsToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * How our tokens are stored and looked up: a SHA-256 digest. The tokens are random, so a fast digest
 * is as strong as a password hash here, and it can be the key of an index lookup on every request.
 */
export function hashCredentialsToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
