import { TokenService } from '@csms/auth';
import { APP_CONFIG, AppConfig, BadInputError, TenantId, UnauthenticatedError } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { TenantRepository } from '../tenants/tenant.repository';
import { AccountLockedError } from './account-locked.error';
import { AuthPayload } from './models/auth-payload.model';
import { User } from './models/user.model';
import { UserStatus } from './models/user-status';
import { assertStrongPassword, hashPassword, verifyPassword } from './password-policy';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(tenantId: TenantId, email: string, password: string): Promise<AuthPayload> {
    const tenant = await this.tenants.findById(tenantId);
    const found = tenant?.active ? await this.users.findCredentials(tenantId, email) : null;
    if (!found) {
      await verifyPassword(await DUMMY_HASH, password);
      throw new UnauthenticatedError(INVALID_CREDENTIALS);
    }
    const { user, passwordHash } = found;
    this.assertNotLocked(user);
    if (!(await verifyPassword(passwordHash, password))) {
      await this.recordFailure(tenantId, user);
      throw new UnauthenticatedError(INVALID_CREDENTIALS);
    }
    const refusal = REFUSED_STATUS[user.status];
    if (refusal) throw new UnauthenticatedError(refusal);
    await this.users.recordSuccessfulLogin(tenantId, user);
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

  private assertNotLocked(user: User): void {
    if (user.status !== UserStatus.LOCKED) return;
    if (!user.lockedUntil) throw new UnauthenticatedError('This account is locked by an administrator');
    if (user.lockedUntil > new Date()) throw this.lockedError(user.lockedUntil);
  }

  private async recordFailure(tenantId: TenantId, user: User): Promise<void> {
    const attempts = await this.users.recordFailedLogin(tenantId, user.id);
    if (attempts < this.config.LOGIN_MAX_ATTEMPTS) return;
    const until = new Date(Date.now() + this.config.LOGIN_LOCK_MINUTES * 60_000);
    await this.users.lock(tenantId, user.id, until);
    throw this.lockedError(until);
  }

  private lockedError(until: Date): AccountLockedError {
    return new AccountLockedError(this.config.LOGIN_MAX_ATTEMPTS, until);
  }
}
