import { asTenantId } from '@csms/common';
import {
  API_KEY_SECRET_IN_TEXT,
  hashApiKeySecret,
  looksLikeApiKey,
  newApiKeySecret,
  parseApiKeySecret,
} from './api-key-secret';

const ACME = asTenantId('acme-eu');

describe('API key secrets', () => {
  it('carry the recognisable prefix and their tenant, and are stored as a SHA-256 hash', () => {
    const { secret, hash, prefix } = newApiKeySecret(ACME);
    expect(secret).toMatch(/^vg_live_acme-eu_[0-9A-Za-z]{46}$/);
    expect(prefix).toBe(secret.slice(0, 'vg_live_acme-eu_'.length + 8));
    expect(hash).toBe(hashApiKeySecret(secret));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret.slice(16));
  });

  it('are different every time', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => newApiKeySecret(ACME).secret));
    expect(secrets.size).toBe(200);
  });

  it('parse back to their tenant and prefix when intact', () => {
    const { secret, prefix } = newApiKeySecret(ACME);
    expect(parseApiKeySecret(secret)).toEqual({ tenantId: ACME, prefix });
  });

  it('refuse a typo, another tenant or a truncated secret by the checksum, without a lookup', () => {
    const { secret } = newApiKeySecret(ACME);
    const last = secret.at(-8)!;
    const typo = `${secret.slice(0, -8)}${last === 'a' ? 'b' : 'a'}${secret.slice(-7)}`;
    expect(parseApiKeySecret(typo)).toBeNull();
    expect(parseApiKeySecret(secret.replace('acme-eu', 'acme-us'))).toBeNull();
    expect(parseApiKeySecret(secret.slice(0, -1))).toBeNull();
    expect(parseApiKeySecret('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBeNull();
  });

  it('are told from JWTs by their prefix and found in free text for redaction', () => {
    const { secret } = newApiKeySecret(ACME);
    expect(looksLikeApiKey(secret)).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBe(false);
    expect(`Bearer ${secret}, again ${secret}`.replace(API_KEY_SECRET_IN_TEXT, '[REDACTED]')).toBe(
      'Bearer [REDACTED], again [REDACTED]',
    );
  });
});
