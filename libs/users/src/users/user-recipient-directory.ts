import { Role } from '@csms/auth';
import { ReadThroughCache, TenantId } from '@csms/common';
import { Recipient, RecipientDirectory } from '@csms/notifications';
import { Injectable } from '@nestjs/common';
import { TenantRepository } from '../tenants/tenant.repository';
import { UserStatus } from './models/user-status';
import { recipientOf } from './user-recipient';
import { UserRepository } from './user.repository';

/**
 * How long a tenant's admin list is reused: when thousands of stations drop at once, each offline
 * notification would otherwise read the same admins and tenant again. An admin added or removed is
 * seen within this time.
 */
export const ADMIN_LIST_TTL_MS = 5_000;

/** The notifications library's view of users: who gets which message, in which language. */
@Injectable()
export class UserRecipientDirectory extends RecipientDirectory {
  private readonly admins = new ReadThroughCache<Recipient[]>(ADMIN_LIST_TTL_MS);

  constructor(
    private readonly users: UserRepository,
    private readonly tenants: TenantRepository,
  ) {
    super();
  }

  async findRecipient(tenantId: TenantId, userId: string): Promise<Recipient | null> {
    const [user, tenant] = await Promise.all([
      this.users.findById(tenantId, userId),
      this.tenants.findById(tenantId),
    ]);
    if (!user || !tenant || user.status !== UserStatus.ACTIVE) return null;
    return recipientOf(user, tenant.name);
  }

  findAdmins(tenantId: TenantId): Promise<Recipient[]> {
    return this.admins.get(tenantId, async () => {
      const [admins, tenant] = await Promise.all([
        this.users.findByRole(tenantId, Role.ADMIN, UserStatus.ACTIVE),
        this.tenants.findById(tenantId),
      ]);
      return tenant ? admins.map((admin) => recipientOf(admin, tenant.name)) : [];
    });
  }
}
