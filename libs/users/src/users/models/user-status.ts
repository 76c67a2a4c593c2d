import { registerEnumType } from '@nestjs/graphql';

export enum UserStatus {
  /** Registered, email not verified yet. */
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  /** Switched off by an admin (e.g. left the company); may not log in. */
  INACTIVE = 'INACTIVE',
  /** Refused by an admin; may not log in. */
  BLOCKED = 'BLOCKED',
  /** Too many wrong passwords (until `lockedUntil`), or locked by an admin (no `lockedUntil`). */
  LOCKED = 'LOCKED',
}

registerEnumType(UserStatus, { name: 'UserStatus' });

/** Statuses whose tokens are honoured; LOCKED only stops new logins. */
export const SIGNED_IN_STATUSES: ReadonlySet<UserStatus> = new Set([UserStatus.ACTIVE, UserStatus.LOCKED]);
