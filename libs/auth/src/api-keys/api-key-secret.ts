import { TenantId, asTenantId, isValidTenantId } from '@csms/common';
import { createHash, randomBytes } from 'node:crypto';

/** What every secret starts with, so that secret scanners (and people) recognise a leaked key. */
export const API_KEY_PREFIX = 'vg_live_';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 40 base62 characters: about 238 random bits. */
const RANDOM_LENGTH = 40;
const CHECKSUM_LENGTH = 6;
/** Characters of the random part shown in `ApiKey.prefix`, enough to tell a tenant's keys apart. */
const SHOWN_LENGTH = 8;

/**
 * `vg_live_<tenant>_<40 random base62><6 base62 checksum>`. The tenant (ids have no underscore)
 * lets the key be looked up within its tenant like everything else; the checksum lets a scanner,
 * and this server, tell a real key from a typo without a database lookup.
 */
const SECRET_PATTERN = new RegExp(
  `^${API_KEY_PREFIX}([a-z0-9][a-z0-9-]{0,62})_([0-9A-Za-z]{${RANDOM_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`,
);

/** Anything shaped like a key, in free text (logs, audit values), to redact it. */
export const API_KEY_SECRET_IN_TEXT = new RegExp(`${API_KEY_PREFIX}[a-z0-9-]{1,63}_[0-9A-Za-z]{20,}`, 'g');

export interface NewApiKeySecret {
  /** Shown once to whoever created the key, never stored. */
  secret: string;
  /** Stored: SHA-256 of the secret. */
  hash: string;
  /** Stored and shown: identifies the key in lists (`vg_live_acme_AbCd1234`). */
  prefix: string;
}

export interface ParsedApiKeySecret {
  tenantId: TenantId;
  prefix: string;
}

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      // 248 = 4 × 62: bytes above it would make the first characters likelier.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function checksumOf(tenantId: string, random: string): string {
  const digest = createHash('sha256').update(`${tenantId}_${random}`).digest();
  return Array.from(digest.subarray(0, CHECKSUM_LENGTH), (byte) => BASE62[byte % 62]).join('');
}

/**
 * The secret is 238 random bits, so a fast hash is enough to store it: unlike a password, it
 * cannot be guessed from a dictionary.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newApiKeySecret(tenantId: TenantId): NewApiKeySecret {
  const random = randomBase62(RANDOM_LENGTH);
  const secret = `${API_KEY_PREFIX}${tenantId}_${random}${checksumOf(tenantId, random)}`;
  return {
    secret,
    hash: hashApiKeySecret(secret),
    prefix: `${API_KEY_PREFIX}${tenantId}_${random.slice(0, SHOWN_LENGTH)}`,
  };
}

/** Whether a bearer token is meant as an API key (then it is never tried as a JWT). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** The tenant and shown prefix of a well-formed secret; null when malformed or its checksum is wrong. */
export function parseApiKeySecret(secret: string): ParsedApiKeySecret | null {
  const match = SECRET_PATTERN.exec(secret);
  if (!match) return null;
  const [, tenant, random, checksum] = match;
  if (!isValidTenantId(tenant) || checksumOf(tenant, random) !== checksum) return null;
  return {
    tenantId: asTenantId(tenant),
    prefix: `${API_KEY_PREFIX}${tenant}_${random.slice(0, SHOWN_LENGTH)}`,
  };
}
