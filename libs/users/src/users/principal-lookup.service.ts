import { Principal, PrincipalLookup } from '@csms/auth';
import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { TenantRepository } from '../tenants/tenant.repository';
import { SIGNED_IN_STATUSES } from './models/user-status';
import { UserRepository } from './user.repository';

/** Honours a token only while its user is signed in (status), its version current and its tenant active. */
@Injectable()
export class PrincipalLookupService extends PrincipalLookup {
  constructor(
    private readonly users: UserRepository,
    private readonly tenants: TenantRepository,
  ) {
    super();
  }

  async findPrincipal(tenantId: TenantId, userId: string, tokenVersion: number): Promise<Principal | null> {
    const [user, tenant] = await Promise.all([
      this.users.findById(tenantId, userId),
      this.tenants.findById(tenantId),
    ]);
    if (
      !user ||
      !tenant?.active ||
      user.tokenVersion !== tokenVersion ||
      !SIGNED_IN_STATUSES.has(user.status)
    ) {
      return null;
    }
    return { userId: user.id, tenantId, role: user.role, email: user.email };
  }

  async isTenantActive(tenantId: TenantId): Promise<boolean> {
    return (await this.tenants.findById(tenantId))?.active === true;
  }
}
