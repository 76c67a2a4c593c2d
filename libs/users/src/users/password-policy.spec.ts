import { BadInputError } from '@csms/common';
import { assertStrongPassword, hashPassword, verifyPassword } from './password-policy';

describe('password policy', () => {
  it('accepts a password with three classes', () => {
    expect(() => assertStrongPassword('Abcdefg1')).not.toThrow();
    expect(() => assertStrongPassword('abcdefg1!')).not.toThrow();
  });

  it('names what is missing', () => {
    expect(() => assertStrongPassword('Ab1')).toThrow(/8 to 128 characters/);
    expect(() => assertStrongPassword('abcdefgh1')).toThrow(BadInputError);
    expect(() => assertStrongPassword('abcdefgh1', 'adminPassword')).toThrow(/^adminPassword must contain 3/);
  });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('Secret-123');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Secret-123')).toBe(true);
    expect(await verifyPassword(hash, 'secret-123')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    // argon2id is slow on purpose; a busy 2-core machine needs more than jest's default 5 s.
  }, 30_000);
});
