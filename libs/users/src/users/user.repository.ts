import { Role } from '@csms/auth';
import { Connection, ConnectionArgs, TenantId, textContains } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { User } from './models/user.model';
import { UserStatus } from './models/user-status';
import { UserDocument } from './schemas/user.schema';

export interface UserCredentials {
  user: User;
  passwordHash: string;
}

export type NewUser = Pick<UserDocument, 'email' | 'passwordHash' | 'role' | 'locale' | 'status'> &
  Partial<
    Pick<
      UserDocument,
      'firstName' | 'lastName' | 'phone' | 'emailVerificationHash' | 'emailVerificationExpiresAt'
    >
  >;

export type UserChanges = Partial<
  Pick<
    UserDocument,
    'email' | 'role' | 'firstName' | 'lastName' | 'locale' | 'phone' | 'status' | 'disabledNotifications'
  >
>;

/** Domain field names that differ in storage, for accessibleQuery. */
export const USER_FIELD_NAMES = { id: '_id' };

@Injectable()
export class UserRepository extends TenantRepository<UserDocument, User> {
  constructor(@InjectModel(UserDocument.name) model: Model<UserDocument>) {
    super(model);
  }

  async create(tenantId: TenantId, fields: NewUser): Promise<User> {
    return this.insert(tenantId, {
      ...fields,
      email: fields.email.toLowerCase(),
      tokenVersion: 0,
      failedLoginAttempts: 0,
      disabledNotifications: [],
    });
  }

  async findCredentials(tenantId: TenantId, email: string): Promise<UserCredentials | null> {
    const doc = await this.model
      .findOne(this.scope(tenantId, { email: email.toLowerCase() }))
      .lean<Lean<UserDocument>>()
      .exec();
    return doc ? { user: this.toEntity(doc), passwordHash: doc.passwordHash } : null;
  }

  async passwordHashOf(tenantId: TenantId, id: string): Promise<string | null> {
    const doc = await this.model
      .findOne(this.scope(tenantId, { _id: id }))
      .lean<Lean<UserDocument>>()
      .exec();
    return doc?.passwordHash ?? null;
  }

  async existsAny(): Promise<boolean> {
    return (await this.model.exists({})) !== null;
  }

  /** One user by id, within `accessible` (the caller's accessibleQuery). */
  async findAccessible(
    tenantId: TenantId,
    id: string,
    accessible: FilterQuery<UserDocument>,
  ): Promise<User | null> {
    return this.findOne(tenantId, { $and: [{ _id: id }, accessible] });
  }

  /** What `accessible` lets the caller list, streamed (exports). */
  matching(tenantId: TenantId, accessible: FilterQuery<UserDocument>): AsyncGenerator<User> {
    return this.streamMatching(tenantId, accessible);
  }

  async page(
    tenantId: TenantId,
    accessible: FilterQuery<UserDocument>,
    args: ConnectionArgs & { search?: string },
  ): Promise<Connection<User>> {
    const filters: FilterQuery<UserDocument>[] = [accessible];
    if (args.search) {
      const pattern = textContains(args.search);
      filters.push({ $or: [{ email: pattern }, { firstName: pattern }, { lastName: pattern }] });
    }
    return this.findPage(tenantId, { $and: filters }, args, { field: 'createdAt', direction: 1 });
  }

  async findByRole(tenantId: TenantId, role: Role, status: UserStatus): Promise<User[]> {
    return this.findMany(tenantId, { role, status }, 100);
  }

  update(
    tenantId: TenantId,
    id: string,
    changes: UserChanges | UpdateQuery<UserDocument>,
  ): Promise<User | null> {
    const normalized =
      'email' in changes && typeof changes.email === 'string'
        ? { ...changes, email: changes.email.toLowerCase() }
        : changes;
    return this.updateOne(tenantId, { _id: id }, normalized);
  }

  /** Counts a wrong password atomically and returns the new count. */
  async recordFailedLogin(tenantId: TenantId, id: string): Promise<number> {
    const user = await this.updateOne(tenantId, { _id: id }, { $inc: { failedLoginAttempts: 1 } });
    return user?.failedLoginAttempts ?? 0;
  }

  lock(tenantId: TenantId, id: string, until: Date): Promise<User | null> {
    return this.updateOne(
      tenantId,
      { _id: id },
      { $set: { status: UserStatus.LOCKED, lockedUntil: until, failedLoginAttempts: 0 } },
    );
  }

  /** After a successful login: forget wrong attempts and an expired lock. */
  async recordSuccessfulLogin(tenantId: TenantId, user: User): Promise<void> {
    if (user.failedLoginAttempts === 0 && !user.lockedUntil) return;
    const set = user.lockedUntil
      ? { failedLoginAttempts: 0, status: UserStatus.ACTIVE }
      : { failedLoginAttempts: 0 };
    await this.updateOne(tenantId, { _id: user.id }, { $set: set, $unset: { lockedUntil: 1 } });
  }

  bumpTokenVersion(tenantId: TenantId, id: string): Promise<User | null> {
    return this.updateOne(tenantId, { _id: id }, { $inc: { tokenVersion: 1 } });
  }

  /** New password: older tokens stop working and any reset token is void. */
  setPassword(tenantId: TenantId, id: string, passwordHash: string): Promise<User | null> {
    return this.updateOne(
      tenantId,
      { _id: id },
      {
        $set: { passwordHash },
        $inc: { tokenVersion: 1 },
        $unset: { passwordResetHash: 1, passwordResetExpiresAt: 1 },
      },
    );
  }

  async setPasswordResetToken(tenantId: TenantId, id: string, hash: string, expiresAt: Date): Promise<void> {
    await this.updateOne(
      tenantId,
      { _id: id },
      { $set: { passwordResetHash: hash, passwordResetExpiresAt: expiresAt } },
    );
  }

  /** Spends a reset token once (atomically) and sets the new password; null when unknown or expired. */
  consumePasswordResetToken(tenantId: TenantId, hash: string, passwordHash: string): Promise<User | null> {
    return this.updateOne(
      tenantId,
      { passwordResetHash: hash, passwordResetExpiresAt: { $gt: new Date() } },
      {
        $set: { passwordHash, failedLoginAttempts: 0 },
        $inc: { tokenVersion: 1 },
        $unset: { passwordResetHash: 1, passwordResetExpiresAt: 1 },
      },
    );
  }

  /** Spends a verification token once and activates the pending account; null when unknown or expired. */
  consumeEmailVerificationToken(tenantId: TenantId, hash: string): Promise<User | null> {
    return this.updateOne(
      tenantId,
      {
        emailVerificationHash: hash,
        emailVerificationExpiresAt: { $gt: new Date() },
        status: UserStatus.PENDING,
      },
      {
        $set: { status: UserStatus.ACTIVE },
        $unset: { emailVerificationHash: 1, emailVerificationExpiresAt: 1 },
      },
    );
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  protected toEntity(doc: Lean<UserDocument>): User {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      email: doc.email,
      role: doc.role,
      firstName: doc.firstName,
      lastName: doc.lastName,
      locale: doc.locale,
      phone: doc.phone,
      status: doc.status ?? UserStatus.ACTIVE,
      lockedUntil: doc.lockedUntil,
      disabledNotifications: doc.disabledNotifications ?? [],
      failedLoginAttempts: doc.failedLoginAttempts ?? 0,
      tokenVersion: doc.tokenVersion,
    };
  }
}
