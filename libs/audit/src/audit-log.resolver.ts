import {
  AppAbility,
  CheckAbility,
  CurrentAbility,
  CurrentPrincipal,
  Principal,
  accessibleQuery,
} from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AUDIT_FIELD_NAMES, AuditEntryRepository } from './audit-entry.repository';
import { AuditLogArgs } from './dto/audit-log.args';
import { AuditEntry, AuditEntryConnection } from './models/audit-entry.model';

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  constructor(private readonly entries: AuditEntryRepository) {}

  @Query(() => AuditEntryConnection, {
    description: "Who did what, newest first: admins see their tenant's log, super admins tenant management",
  })
  @CheckAbility('list', 'AuditEntry')
  auditLog(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: AuditLogArgs,
  ): Promise<Connection<AuditEntry>> {
    const accessible = accessibleQuery(ability, 'list', 'AuditEntry', AUDIT_FIELD_NAMES);
    return this.entries.page(principal.tenantId, accessible, args, args);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'What the action was given or changed, as JSON; secrets are [REDACTED]',
  })
  changes(@Parent() entry: AuditEntry): string | null {
    return entry.changes ? JSON.stringify(entry.changes) : null;
  }
}
