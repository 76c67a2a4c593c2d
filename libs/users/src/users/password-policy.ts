import { BadInputError } from '@csms/common';
import * as argon2 from 'argon2';

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
const MIN_LENGTH = 8;
const MAX_LENGTH = 128;

/** Throws BAD_USER_INPUT naming what the password lacks. */
export function assertStrongPassword(password: string, field = 'password'): void {
  if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
    throw new BadInputError(`${field} must be ${MIN_LENGTH} to ${MAX_LENGTH} characters long`, { field });
  }
  const classes = CLASSES.filter((pattern) => pattern.test(password)).length;
  if (classes < 3) {
    throw new BadInputError(`${field} must contain 3 of: lowercase letter, uppercase letter, digit, symbol`, {
      field,
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}
