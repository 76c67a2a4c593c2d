import { isDuplicateKeyError } from '@csms/database';
import { AppAbility, Principal, accessibleQuery, canOn } from '@csms/auth';
import { BadInputError, Connection, ForbiddenError, NotFoundError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { NotificationService, NotificationType } from '@csms/notifications';
import { Injectable } from '@nestjs/common';
import { TagRepository } from '../tags/tag.repository';
import { TenantRepository } from '../tenants/tenant.repository';
import { CreateUserInput } from './dto/create-user.input';
import { UpdateMeInput } from './dto/update-me.input';
import { UpdateUserInput } from './dto/update-user.input';
import { UsersArgs } from './dto/users.args';
import { applyPreferences } from './models/notification-preferences.model';
import { User } from './models/user.model';
import { UserStatus } from './models/user-status';
import { assertStrongPassword, hashPassword } from './password-policy';
import { presentUser } from './user-presenter';
import { recipientOf } from './user-recipient';
import { NewUser, USER_FIELD_NAMES, UserChanges, UserRepository } from './user.repository';

/** Published with the created User as payload. */
export const USER_CREATED = 'UserCreated';

type EmailVerification = Partial<Pick<NewUser, 'emailVerificationHash' | 'emailVerificationExpiresAt'>>;

/** Users management; every method that serves a caller takes its ability and checks rows and fields with it. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly tags: TagRepository,
    private readonly tenants: TenantRepository,
    private readonly notifications: NotificationService,
    private readonly events: EventBus,
  ) {}

  /** Creates a user without an ability check: for the seeder, tenant creation and registration. */
  async create(
    tenantId: TenantId,
    input: CreateUserInput,
    verification: EmailVerification = {},
  ): Promise<User> {
    assertStrongPassword(input.password);
    const { password, ...profile } = input;
    let user: User;
    try {
      user = await this.users.create(tenantId, {
        ...profile,
        locale: profile.locale ?? 'en',
        status: profile.status ?? UserStatus.ACTIVE,
        passwordHash: await hashPassword(password),
        ...verification,
      });
    } catch (error) {
      throw this.duplicateEmail(error, input.email);
    }
    await this.events.publish(domainEvent(USER_CREATED, tenantId, user));
    return user;
  }

  async createFor(principal: Principal, ability: AppAbility, input: CreateUserInput): Promise<User> {
    if (!canOn(ability, 'create', 'User', { role: input.role, status: input.status ?? UserStatus.ACTIVE })) {
      throw new ForbiddenError(`You may not create a ${input.role} user`);
    }
    return this.create(principal.tenantId, input);
  }

  async get(tenantId: TenantId, id: string): Promise<User> {
    const user = await this.users.findById(tenantId, id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** A user the caller may read; others of the tenant (and every other tenant) do not exist for it. */
  async getReadable(principal: Principal, ability: AppAbility, id: string): Promise<User> {
    const accessible = accessibleQuery(ability, 'read', 'User', USER_FIELD_NAMES);
    const user = await this.users.findAccessible(principal.tenantId, id, accessible);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** The language a user reads (their locale as set), for what stations show them; none when unknown. */
  async localeOf(tenantId: TenantId, id: string | undefined): Promise<string | undefined> {
    return id ? ((await this.users.findById(tenantId, id))?.locale ?? undefined) : undefined;
  }

  /**
   * For other modules showing who did something (a session's driver, a tag's owner): the user as
   * the caller may see it, anonymized when not readable (demo users), or null when unknown.
   */
  async findForDisplay(
    tenantId: TenantId,
    ability: AppAbility | undefined,
    id: string,
  ): Promise<User | null> {
    const user = await this.users.findById(tenantId, id);
    return user ? presentUser(ability, user) : null;
  }

  /** findForDisplay for many ids in one query; the result follows `ids` (null for unknown ones). */
  async findManyForDisplay(
    tenantId: TenantId,
    ability: AppAbility | undefined,
    ids: readonly string[],
  ): Promise<(User | null)[]> {
    const users = new Map((await this.users.findByIds(tenantId, ids)).map((user) => [user.id, user]));
    return ids.map((id) => {
      const user = users.get(id);
      return user ? presentUser(ability, user) : null;
    });
  }

  list(principal: Principal, ability: AppAbility, args: UsersArgs): Promise<Connection<User>> {
    return this.users.page(
      principal.tenantId,
      accessibleQuery(ability, 'list', 'User', USER_FIELD_NAMES),
      args,
    );
  }

  updateMe(principal: Principal, ability: AppAbility, input: UpdateMeInput): Promise<User> {
    return this.update(principal, ability, { ...input, id: principal.userId });
  }

  async update(principal: Principal, ability: AppAbility, input: UpdateUserInput): Promise<User> {
    const existing = await this.getReadable(principal, ability, input.id);
    const { id, notificationPreferences, ...fields } = input;
    const changes: UserChanges = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    );
    if (notificationPreferences) {
      changes.disabledNotifications = applyPreferences(
        existing.disabledNotifications,
        notificationPreferences,
      );
    }
    for (const field of [
      ...Object.keys(changes),
      ...(notificationPreferences ? ['notificationPreferences'] : []),
    ]) {
      if (field !== 'disabledNotifications' && !canOn(ability, 'update', 'User', existing, field)) {
        throw new ForbiddenError(`You may not change ${field} of this user`);
      }
    }
    if (!canOn(ability, 'update', 'User', { ...existing, ...changes })) {
      throw new ForbiddenError('You may not make this change');
    }
    const update =
      changes.status === UserStatus.ACTIVE
        ? { $set: { ...changes, failedLoginAttempts: 0 }, $unset: { lockedUntil: 1 } }
        : { $set: changes };
    let updated: User | null;
    try {
      updated = await this.users.update(principal.tenantId, id, update);
    } catch (error) {
      throw this.duplicateEmail(error, changes.email ?? '');
    }
    if (!updated) throw new NotFoundError('User', id);
    if (changes.status && changes.status !== existing.status)
      await this.notifyStatus(principal.tenantId, updated);
    return updated;
  }

  async delete(principal: Principal, ability: AppAbility, id: string): Promise<boolean> {
    const existing = await this.getReadable(principal, ability, id);
    if (!canOn(ability, 'delete', 'User', existing)) throw new ForbiddenError('You may not delete this user');
    await this.tags.unassignUser(principal.tenantId, id);
    return this.users.remove(principal.tenantId, id);
  }

  private async notifyStatus(tenantId: TenantId, user: User): Promise<void> {
    const tenant = await this.tenants.findById(tenantId);
    this.notifications.notify(
      recipientOf(user, tenant?.name ?? tenantId),
      NotificationType.ACCOUNT_STATUS_CHANGED,
      {
        status: user.status,
      },
    );
  }

  private duplicateEmail(error: unknown, email: string): unknown {
    if (isDuplicateKeyError(error)) {
      return new BadInputError(`A user with email ${email} already exists`, { field: 'email' });
    }
    return error;
  }
}
