import { AuditLog, AuditOutcome } from '@csms/audit';
import { Role } from '@csms/auth';
import { BadInputError, ForbiddenError, TenantId } from '@csms/common';
import { FrontendLinks, NotificationService, NotificationType } from '@csms/notifications';
import { Injectable } from '@nestjs/common';
import { TenantRepository } from '../tenants/tenant.repository';
import { RegisterInput } from './dto/register.input';
import { UserStatus } from './models/user-status';
import { hashToken, newSingleUseToken } from './single-use-token';
import { recipientOf } from './user-recipient';
import { userActor } from './user-actor';
import { UserRepository } from './user.repository';
import { UserService } from './user.service';

const VERIFICATION_TTL_MS = 48 * 3600_000;

/** Self-registration (off unless the tenant allows it): a PENDING basic user until the emailed link is opened. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly users: UserService,
    private readonly userRepository: UserRepository,
    private readonly tenants: TenantRepository,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
    private readonly audit: AuditLog,
  ) {}

  async register(tenantId: TenantId, input: RegisterInput): Promise<void> {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant?.active || !tenant.selfRegistration) {
      throw new ForbiddenError('Self-registration is not open in this tenant');
    }
    const { token, hash } = newSingleUseToken();
    const { tenant: _tenant, ...profile } = input;
    const user = await this.users.create(
      tenantId,
      { ...profile, role: Role.BASIC, status: UserStatus.PENDING },
      { emailVerificationHash: hash, emailVerificationExpiresAt: new Date(Date.now() + VERIFICATION_TTL_MS) },
    );
    await this.audit.record({
      tenantId,
      action: 'register',
      outcome: AuditOutcome.OK,
      actor: userActor(user),
      targetType: 'User',
      targetId: user.id,
    });
    this.notifications.notify(recipientOf(user, tenant.name), NotificationType.EMAIL_VERIFICATION, {
      link: this.links.to(tenantId, '/verify-email', { token }),
    });
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || undefined;
    for (const admin of await this.userRepository.findByRole(tenantId, Role.ADMIN, UserStatus.ACTIVE)) {
      this.notifications.notify(recipientOf(admin, tenant.name), NotificationType.NEW_USER_REGISTERED, {
        newUserEmail: user.email,
        newUserName: name,
        link: this.links.to(tenantId, `/users/${user.id}`),
      });
    }
  }

  async verifyEmail(tenantId: TenantId, token: string): Promise<void> {
    const user = await this.userRepository.consumeEmailVerificationToken(tenantId, hashToken(token));
    if (!user)
      throw new BadInputError('This verification link is invalid, expired or already used', {
        field: 'token',
      });
    await this.audit.record({
      tenantId,
      action: 'verifyEmail',
      outcome: AuditOutcome.OK,
      actor: userActor(user),
      targetType: 'User',
      targetId: user.id,
    });
  }
}
