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
import { Mutation, Resolver } from '@nestjs/graphql';
import { TAG_FIELD_NAMES, TagRepository } from '../tags/tag.repository';
import { USER_FIELD_NAMES, UserRepository } from '../users/user.repository';

/** The users the caller may list (no secrets: no password hash, no tokens). */
@Injectable()
export class UsersExport implements ExportKind<undefined>, OnModuleInit {
  readonly name = 'users';
  readonly subject = 'User' as const;
  readonly columns = ['id', 'email', 'role', 'status', 'firstName', 'lastName', 'locale', 'phone'] as const;

  constructor(
    private readonly registry: ExportRegistry,
    private readonly users: UserRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  count({ tenantId, ability }: ExportScope): Promise<number> {
    return this.users.count(tenantId, accessibleQuery(ability, 'list', 'User', USER_FIELD_NAMES));
  }

  async *rows({ tenantId, ability }: ExportScope): AsyncIterable<ExportCell[]> {
    for await (const user of this.users.matching(
      tenantId,
      accessibleQuery(ability, 'list', 'User', USER_FIELD_NAMES),
    )) {
      yield [
        user.id,
        user.email,
        user.role,
        user.status,
        user.firstName,
        user.lastName,
        user.locale,
        user.phone,
      ];
    }
  }
}

/** The badges the caller may list, the columns the badge import reads among them. */
@Injectable()
export class TagsExport implements ExportKind<undefined>, OnModuleInit {
  readonly name = 'tags';
  readonly subject = 'Tag' as const;
  readonly columns = [
    'id',
    'userId',
    'active',
    'default',
    'description',
    'parentTagId',
    'expiresAt',
  ] as const;

  constructor(
    private readonly registry: ExportRegistry,
    private readonly tags: TagRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  count({ tenantId, ability }: ExportScope): Promise<number> {
    return this.tags.count(tenantId, accessibleQuery(ability, 'list', 'Tag', TAG_FIELD_NAMES));
  }

  async *rows({ tenantId, ability }: ExportScope): AsyncIterable<ExportCell[]> {
    for await (const tag of this.tags.matching(
      tenantId,
      accessibleQuery(ability, 'list', 'Tag', TAG_FIELD_NAMES),
    )) {
      yield [tag.id, tag.userId, tag.active, tag.default, tag.description, tag.parentTagId, tag.expiresAt];
    }
  }
}

@Resolver()
export class UsersExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Mutation(() => ExportJob, { description: 'CSV of the users you may list' })
  @CheckAbility('list', 'User')
  exportUsers(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ExportJob> {
    return this.exports.start(principal, ability, 'users', undefined);
  }

  @Mutation(() => ExportJob, { description: 'CSV of the badges you may list' })
  @CheckAbility('list', 'Tag')
  exportTags(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ExportJob> {
    return this.exports.start(principal, ability, 'tags', undefined);
  }
}
