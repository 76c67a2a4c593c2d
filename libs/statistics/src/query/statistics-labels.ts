import { AppAbility } from '@csms/auth';
import { TenantId } from '@csms/common';
import { NamedEntity, OrganizationDirectory } from '@csms/organizations';
import { UserService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { StatisticsGroupBy } from '../models/statistics-enums';

/** The names shown beside group keys: sites', areas' and companies' names, users' names. */
@Injectable()
export class StatisticsLabels {
  constructor(
    private readonly organizations: OrganizationDirectory,
    private readonly users: UserService,
  ) {}

  async of(
    tenantId: TenantId,
    ability: AppAbility,
    groupBy: StatisticsGroupBy,
    keys: string[],
  ): Promise<Map<string, string>> {
    const ids = keys.filter((key) => key !== '');
    if (!ids.length) return new Map();
    switch (groupBy) {
      case StatisticsGroupBy.SITE:
        return byId(await this.organizations.siteNames(tenantId, ids));
      case StatisticsGroupBy.SITE_AREA:
        return byId(await this.organizations.siteAreaNames(tenantId, ids));
      case StatisticsGroupBy.COMPANY:
        return byId(await this.organizations.companyNames(tenantId, ids));
      case StatisticsGroupBy.USER: {
        const users = await this.users.findManyForDisplay(tenantId, ability, ids);
        return new Map(
          users.flatMap((user) => {
            if (!user) return [];
            const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
            return [[user.id, name || user.email] as [string, string]];
          }),
        );
      }
      default:
        return new Map(ids.map((id) => [id, id]));
    }
  }
}

function byId(entities: NamedEntity[]): Map<string, string> {
  return new Map(entities.map((entity) => [entity.id, entity.name]));
}
