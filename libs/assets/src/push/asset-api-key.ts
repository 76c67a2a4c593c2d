import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'vga_';
/** Shown in GraphQL so an operator tells keys apart without the key. */
const SHOWN_CHARACTERS = 10;

export interface IssuedApiKey {
  key: string;
  hash: string;
  prefix: string;
}

/** A new push key: 256 random bits, so SHA-256 is enough to store it (nothing to brute-force). */
export function issueAssetApiKey(): IssuedApiKey {
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashAssetApiKey(key), prefix: key.slice(0, SHOWN_CHARACTERS) };
}

export function hashAssetApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Constant-time comparison of a presented key with the stored hash. */
export function matchesAssetApiKey(presented: string, storedHash: string | undefined): boolean {
  if (!storedHash) return false;
  const presentedHash = Buffer.from(hashAssetApiKey(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presentedHash.length && timingSafeEqual(stored, presentedHash);
}
