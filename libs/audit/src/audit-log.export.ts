import {
  AppAbility,
  CheckAbility,
  CurrentAbility,
  CurrentPrincipal,
  Principal,
  accessibleQuery,
} from '@csms/auth';
import { ExportCell, ExportJob, ExportKind, ExportRegistry, ExportScope, ExportService } from '@csms/exports';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Args, InputType, Mutation, OmitType, Resolver } from '@nestjs/graphql';
import { AUDIT_FIELD_NAMES, AuditEntryRepository, AuditFilter } from './audit-entry.repository';
import { AuditLogArgs } from './dto/audit-log.args';

/** The auditLog query's filters, without its paging. */
@InputType()
export class AuditLogExportFilter extends OmitType(AuditLogArgs, ['first', 'after'] as const, InputType) {}

/** The audit log as the caller may list it, newest first, one row per entry. */
@Injectable()
export class AuditLogExport implements ExportKind<AuditFilter>, OnModuleInit {
  readonly name = 'audit-log';
  readonly subject = 'AuditEntry' as const;
  readonly columns = [
    'at',
    'actorType',
    'actorId',
    'actorLabel',
    'actorRole',
    'action',
    'targetType',
    'targetId',
    'outcome',
    'errorCode',
    'ip',
    'changes',
    'ocppMessageIds',
  ] as const;

  constructor(
    private readonly registry: ExportRegistry,
    private readonly entries: AuditEntryRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  count({ tenantId, ability }: ExportScope, filter: AuditFilter): Promise<number> {
    return this.entries.countMatching(tenantId, this.accessible(ability), filter ?? {});
  }

  async *rows({ tenantId, ability }: ExportScope, filter: AuditFilter): AsyncIterable<ExportCell[]> {
    for await (const entry of this.entries.stream(tenantId, this.accessible(ability), filter ?? {})) {
      yield [
        entry.at,
        entry.actorType,
        entry.actorId,
        entry.actorLabel,
        entry.actorRole,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.outcome,
        entry.errorCode,
        entry.ip,
        entry.changes && JSON.stringify(entry.changes),
        entry.ocppCalls.map((call) => call.messageId).join(' '),
      ];
    }
  }

  private accessible(ability: AppAbility) {
    return accessibleQuery(ability, 'list', 'AuditEntry', AUDIT_FIELD_NAMES);
  }
}

@Resolver()
export class AuditLogExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Mutation(() => ExportJob, { description: 'CSV of the audit log (secrets stay [REDACTED])' })
  @CheckAbility('list', 'AuditEntry')
  exportAuditLog(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('filter', { type: () => AuditLogExportFilter, nullable: true }) filter?: AuditLogExportFilter,
  ): Promise<ExportJob> {
    return this.exports.start(principal, ability, 'audit-log', { ...filter });
  }
}
