import { AuditLog, AuditOutcome } from '@csms/audit';
import { APP_CONFIG, AppConfig, BadInputError, TenantId } from '@csms/common';
import { FrontendLinks, NotificationService, NotificationType } from '@csms/notifications';
import { Inject, Injectable } from '@nestjs/common';
import { TenantRepository } from '../tenants/tenant.repository';
import { SIGNED_IN_STATUSES, UserStatus } from './models/user-status';
import { assertStrongPassword, hashPassword } from './password-policy';
import { hashToken, newSingleUseToken } from './single-use-token';
import { recipientOf } from './user-recipient';
import { userActor } from './user-actor';
import { UserRepository } from './user.repository';

/**
 * Password reset by an emailed single-use token that expires after PASSWORD_RESET_TTL_MINUTES; the
 * audit log records each link sent (`passwordResetRequested`) and each reset (`passwordReset`).
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly users: UserRepository,
    private readonly tenants: TenantRepository,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Emails a reset link when the account exists; answers the same either way (no account probing). */
  async request(tenantId: TenantId, email: string): Promise<void> {
    const tenant = await this.tenants.findById(tenantId);
    const found = tenant?.active ? await this.users.findCredentials(tenantId, email) : null;
    if (!tenant || !found || !SIGNED_IN_STATUSES.has(found.user.status)) return;
    const { token, hash } = newSingleUseToken();
    const ttl = this.config.PASSWORD_RESET_TTL_MINUTES;
    await this.users.setPasswordResetToken(
      tenantId,
      found.user.id,
      hash,
      new Date(Date.now() + ttl * 60_000),
    );
    await this.audit.record({
      tenantId,
      action: 'passwordResetRequested',
      outcome: AuditOutcome.OK,
      actor: { label: found.user.email },
      targetType: 'User',
      targetId: found.user.id,
    });
    const link = this.links.to(tenantId, '/reset-password', { token });
    this.notifications.notify(recipientOf(found.user, tenant.name), NotificationType.PASSWORD_RESET, {
      link,
      expiresInMinutes: ttl,
    });
  }

  /** Sets the new password, spends the token, unlocks the account and revokes older sessions. */
  async reset(tenantId: TenantId, token: string, newPassword: string): Promise<void> {
    assertStrongPassword(newPassword, 'newPassword');
    const user = await this.users.consumePasswordResetToken(
      tenantId,
      hashToken(token),
      await hashPassword(newPassword),
    );
    if (!user)
      throw new BadInputError('This reset link is invalid, expired or already used', { field: 'token' });
    await this.audit.record({
      tenantId,
      action: 'passwordReset',
      outcome: AuditOutcome.OK,
      actor: userActor(user),
      targetType: 'User',
      targetId: user.id,
    });
    // A lock from wrong passwords ends with the reset; a lock set by an admin stays.
    if (user.status === UserStatus.LOCKED && user.lockedUntil) {
      await this.users.update(tenantId, user.id, {
        $set: { status: UserStatus.ACTIVE },
        $unset: { lockedUntil: 1 },
      });
    }
  }
}
