import { loadConfig } from '@csms/common';
import { SecretBox } from './secret-box';
import { hashCredentialsToken, newCredentialsToken } from './credentials-token';

describe('SecretBox', () => {
  const box = new SecretBox(loadConfig({ ROAMING_ENCRYPTION_KEY: 'k'.repeat(40) }));

  it('encrypts so that the stored text does not contain the secret, and decrypts it back', () => {
    const sealed = box.encrypt('their-token-C');
    expect(sealed).not.toContain('their-token-C');
    expect(sealed).not.toEqual(box.encrypt('their-token-C'));
    expect(box.decrypt(sealed)).toBe('their-token-C');
  });

  it('refuses a tampered secret and one sealed under another key', () => {
    const sealed = box.encrypt('secret');
    const parts = sealed.split(':');
    const flipped = Buffer.from(parts[3], 'base64');
    flipped[0] ^= 1;
    expect(() => box.decrypt([...parts.slice(0, 3), flipped.toString('base64')].join(':'))).toThrow();
    const other = new SecretBox(loadConfig({ ROAMING_ENCRYPTION_KEY: 'x'.repeat(40) }));
    expect(() => other.decrypt(sealed)).toThrow();
  });

  it('has a development key outside production and none in production without ROAMING_ENCRYPTION_KEY', () => {
    expect(new SecretBox(loadConfig({})).decrypt(new SecretBox(loadConfig({})).encrypt('a'))).toBe('a');
    const production = new SecretBox(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'j'.repeat(40),
        ADMIN_PASSWORD: 'S3cure-enough-password',
      }),
    );
    expect(() => production.encrypt('a')).toThrow(/ROAMING_ENCRYPTION_KEY/);
  });

  it('refuses the development key in production at boot', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'j'.repeat(40),
        ADMIN_PASSWORD: 'S3cure-enough-password',
        ROAMING_ENCRYPTION_KEY: 'dev-only-roaming-encryption-key-change-me',
      }),
    ).toThrow(/ROAMING_ENCRYPTION_KEY: the development default is refused/);
  });
});

describe('credentials tokens', () => {
  it('are random, printable and within string(64), and hash to a stable digest', () => {
    const token = newCredentialsToken();
    expect(token).toMatch(/^[\x21-\x7e]{20,64}$/);
    expect(newCredentialsToken()).not.toBe(token);
    expect(hashCredentialsToken(token)).toBe(hashCredentialsToken(token));
    expect(hashCredentialsToken(token)).not.toContain(token);
  });
});
