import { AuditLog, AuditOutcome } from '@csms/audit';
import { TokenService } from '@csms/auth';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  DomainError,
  TenantId,
  UnauthenticatedError,
} from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { TenantRepository } from '../tenants/tenant.repository';
import { AccountLockedError } from './account-locked.error';
import { AuthPayload } from './models/auth-payload.model';
import { User } from './models/user.model';
import { UserStatus } from './models/user-status';
import { assertStrongPassword, hashPassword, verifyPassword } from './password-policy';
import { userActor } from './user-actor';
import { UserRepository } from './user.repository';

export const INVALID_CREDENTIALS = 'Invalid email, password or tenant';

/** Compared against when the email is unknown, so that both cases take as long (no account probing by timing). */
const DUMMY_HASH = hashPassword('not-a-real-password-Aa1!');

const REFUSED_STATUS: Partial<Record<UserStatus, string>> = {
  [UserStatus.PENDING]: 'Confirm your email address before logging in',
  [UserStatus.INACTIVE]: 'This account is inactive',
  [UserStatus.BLOCKED]: 'This account is blocked',
};

/** Login with lockout after LOGIN_MAX_ATTEMPTS wrong passwords, logout and password change (token revocation). */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly users: UserRepository,
    private readonly tenants: TenantRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every attempt in a known tenant is in its audit log: `login`, or `loginFailed` with the reason. */
  async login(tenantId: TenantId, email: string, password: string): Promise<AuthPayload> {
    const tenant = await this.tenants.findById(tenantId);
    const found = tenant?.active ? await this.users.findCredentials(tenantId, email) : null;
    if (!found) {
      await verifyPassword(await DUMMY_HASH, password);
      const error = new UnauthenticatedError(INVALID_CREDENTIALS);
      if (tenant) await this.auditLoginFailed(tenantId, email, undefined, 'unknown email', error);
      throw error;
    }
    const { user, passwordHash } = found;
    const locked = this.lockOf(user);
    if (locked) throw await this.auditLoginFailed(tenantId, email, user, 'account locked', locked);
    if (!(await verifyPassword(passwordHash, password))) {
      const error = await this.recordFailure(tenantId, user);
      throw await this.auditLoginFailed(tenantId, email, user, 'wrong password', error);
    }
    const refusal = REFUSED_STATUS[user.status];
    if (refusal) {
      const error = new UnauthenticatedError(refusal);
      throw await this.auditLoginFailed(tenantId, email, user, `account ${user.status.toLowerCase()}`, error);
    }
    await this.users.recordSuccessfulLogin(tenantId, user);
    await this.audit.record({
      tenantId,
      action: 'login',
      outcome: AuditOutcome.OK,
      actor: userActor(user),
      targetType: 'User',
      targetId: user.id,
    });
    return this.issue(user);
  }

  async logout(tenantId: TenantId, userId: string): Promise<boolean> {
    return (await this.users.bumpTokenVersion(tenantId, userId)) !== null;
  }

  /** Changes the password, revokes every older token and returns a fresh one for this client. */
  async changePassword(
    tenantId: TenantId,
    userId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<AuthPayload> {
    const passwordHash = await this.users.passwordHashOf(tenantId, userId);
    if (!passwordHash || !(await verifyPassword(passwordHash, currentPassword))) {
      throw new BadInputError('currentPassword is wrong', { field: 'currentPassword' });
    }
    assertStrongPassword(newPassword, 'newPassword');
    const user = await this.users.setPassword(tenantId, userId, await hashPassword(newPassword));
    if (!user) throw new UnauthenticatedError();
    return this.issue(user);
  }

  async issue(user: User): Promise<AuthPayload> {
    const token = await this.tokens.sign({
      sub: user.id,
      tid: user.tenantId,
      role: user.role,
      tv: user.tokenVersion,
    });
    return { token, user, expiresIn: this.tokens.lifetimeOf(user.role) };
  }

  /** The refusal of a locked account, if it is. */
  private lockOf(user: User): DomainError | undefined {
    if (user.status !== UserStatus.LOCKED) return undefined;
    if (!user.lockedUntil) return new UnauthenticatedError('This account is locked by an administrator');
    if (user.lockedUntil > new Date()) return this.lockedError(user.lockedUntil);
    return undefined;
  }

  /** Counts a wrong password; the LOGIN_MAX_ATTEMPTS-th locks the account (`accountLocked` in the audit log). */
  private async recordFailure(tenantId: TenantId, user: User): Promise<DomainError> {
    const attempts = await this.users.recordFailedLogin(tenantId, user.id);
    if (attempts < this.config.LOGIN_MAX_ATTEMPTS) return new UnauthenticatedError(INVALID_CREDENTIALS);
    const until = new Date(Date.now() + this.config.LOGIN_LOCK_MINUTES * 60_000);
    await this.users.lock(tenantId, user.id, until);
    await this.audit.record({
      tenantId,
      action: 'accountLocked',
      outcome: AuditOutcome.OK,
      actor: { label: user.email },
      targetType: 'User',
      targetId: user.id,
      changes: { attempts, lockedUntil: until },
    });
    return this.lockedError(until);
  }

  /**
   * Records a refused login and returns its error. Nobody is authenticated, so the actor is only the
   * email that was tried; the password is never recorded.
   */
  private async auditLoginFailed(
    tenantId: TenantId,
    email: string,
    user: User | undefined,
    reason: string,
    error: DomainError,
  ): Promise<DomainError> {
    await this.audit.record({
      tenantId,
      action: 'loginFailed',
      outcome: AuditOutcome.REFUSED,
      errorCode: error.code,
      actor: { label: email.trim().toLowerCase() },
      targetType: 'User',
      targetId: user?.id,
      changes: { email, reason },
    });
    return error;
  }

  private lockedError(until: Date): AccountLockedError {
    return new AccountLockedError(this.config.LOGIN_MAX_ATTEMPTS, until);
  }
}
