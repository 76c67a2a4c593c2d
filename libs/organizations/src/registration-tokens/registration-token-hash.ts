import { createHash } from 'node:crypto';

/** 256 random bits: guessing is hopeless, so a fast hash (sha256) is enough to store the token. */
export function hashRegistrationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
