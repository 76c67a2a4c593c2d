import { Role } from '@csms/auth';
import { TenantId } from '@csms/common';
import { Recipient, RecipientDirectory } from '@csms/notifications';
import { Injectable } from '@nestjs/common';
import { TenantRepository } from '../tenants/tenant.repository';
import { UserStatus } from './models/user-status';
import { recipientOf } from './user-recipient';
import { UserRepository } from './user.repository';

/** The notifications library's view of users: who gets which message, in which language. */
@Injectable()
export class UserRecipientDirectory extends RecipientDirectory {
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

  async findAdmins(tenantId: TenantId): Promise<Recipient[]> {
    const [admins, tenant] = await Promise.all([
      this.users.findByRole(tenantId, Role.ADMIN, UserStatus.ACTIVE),
      this.tenants.findById(tenantId),
    ]);
    return tenant ? admins.map((admin) => recipientOf(admin, tenant.name)) : [];
  }
}
