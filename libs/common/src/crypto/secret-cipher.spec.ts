import { SecretCipher } from './secret-cipher';

describe('SecretCipher', () => {
  const cipher = new SecretCipher({ SECRETS_ENCRYPTION_KEY: 'a-test-key-that-is-long-enough-0123456789' });

  it('gives back what it sealed, and never the same text twice', () => {
    const first = cipher.encrypt('client-secret');
    const second = cipher.encrypt('client-secret');
    expect(first).not.toContain('client-secret');
    expect(first).not.toBe(second);
    expect(cipher.decrypt(first)).toBe('client-secret');
    expect(cipher.decrypt(second)).toBe('client-secret');
  });

  it('refuses a value sealed with another key or altered', () => {
    const other = new SecretCipher({ SECRETS_ENCRYPTION_KEY: 'another-key-that-is-long-enough-0123456789' });
    const sealed = cipher.encrypt('secret');
    expect(() => other.decrypt(sealed)).toThrow();
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
    expect(() => cipher.decrypt('plain text')).toThrow('Not a value sealed');
  });
});
