import { DomainError, ErrorCode } from '@csms/common';

/** UNAUTHENTICATED with `extensions.reason = ACCOUNT_LOCKED` and `lockedUntil`, so clients can say when to retry. */
export class AccountLockedError extends DomainError {
  constructor(maxAttempts: number, until: Date) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    super(
      ErrorCode.UNAUTHENTICATED,
      `Account locked after ${maxAttempts} wrong passwords; try again in ${minutes} minute${minutes > 1 ? 's' : ''}`,
      { reason: 'ACCOUNT_LOCKED', lockedUntil: until.toISOString() },
    );
  }
}
