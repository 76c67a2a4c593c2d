import { AppAbility, Principal, Role } from '@csms/auth';
import { BadInputError, Connection } from '@csms/common';
import { UserService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { ensureCan } from '../shared/ensure-can';
import { SiteService } from '../sites/site.service';
import { SiteUsersArgs } from './dto/site-users.args';
import { SiteUserRole } from './models/site-user-role';
import { SiteUser } from './models/site-user.model';
import { SiteUserRepository } from './site-user.repository';

/** Who administers or owns a site; managed by those who may update the site (admins). */
@Injectable()
export class SiteUserService {
  constructor(
    private readonly siteUsers: SiteUserRepository,
    private readonly sites: SiteService,
    private readonly users: UserService,
  ) {}

  /** Site roles are for basic users: admins already manage every site, demo users only look. */
  async assign(
    principal: Principal,
    ability: AppAbility,
    siteId: string,
    userId: string,
    role: SiteUserRole,
  ): Promise<SiteUser> {
    await this.ensureManaged(principal, ability, siteId);
    const user = await this.users.get(principal.tenantId, userId);
    if (user.role !== Role.BASIC) {
      throw new BadInputError(`Site roles are for basic users; ${user.email} is ${user.role}`, {
        field: 'userId',
      });
    }
    return this.siteUsers.assign(principal.tenantId, siteId, userId, role);
  }

  /** False when the user did not have the role. */
  async remove(
    principal: Principal,
    ability: AppAbility,
    siteId: string,
    userId: string,
    role: SiteUserRole,
  ): Promise<boolean> {
    await this.ensureManaged(principal, ability, siteId);
    return this.siteUsers.remove(principal.tenantId, siteId, userId, role);
  }

  async list(principal: Principal, ability: AppAbility, args: SiteUsersArgs): Promise<Connection<SiteUser>> {
    await this.ensureManaged(principal, ability, args.siteId);
    return this.siteUsers.page(principal.tenantId, args);
  }

  private async ensureManaged(principal: Principal, ability: AppAbility, siteId: string): Promise<void> {
    ensureCan(ability, 'update', 'Site', await this.sites.getReadable(principal, ability, siteId));
  }
}
