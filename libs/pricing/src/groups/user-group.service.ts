import { BadInputError, NotFoundError, TenantId } from '@csms/common';
import { TagService, UserService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { UserGroup } from '../model/tariff-assignment';
import { CreateUserGroupInput, UpdateUserGroupInput } from './dto/user-group.input';
import { UserGroupRepository } from './user-group.repository';

@Injectable()
export class UserGroupService {
  constructor(
    private readonly groups: UserGroupRepository,
    private readonly users: UserService,
    private readonly tags: TagService,
  ) {}

  list(tenantId: TenantId): Promise<UserGroup[]> {
    return this.groups.all(tenantId);
  }

  async get(tenantId: TenantId, id: string): Promise<UserGroup> {
    const group = await this.groups.findById(tenantId, id);
    if (!group) throw new NotFoundError('UserGroup', id);
    return group;
  }

  async create(tenantId: TenantId, input: CreateUserGroupInput): Promise<UserGroup> {
    const userIds = [...new Set(input.userIds ?? [])];
    const tagIds = [...new Set(input.tagIds ?? [])];
    await this.ensureMembers(tenantId, userIds, tagIds);
    return this.groups.create(tenantId, { name: input.name, userIds, tagIds });
  }

  async update(tenantId: TenantId, input: UpdateUserGroupInput): Promise<UserGroup> {
    await this.get(tenantId, input.id);
    const userIds = input.userIds ? [...new Set(input.userIds)] : undefined;
    const tagIds = input.tagIds ? [...new Set(input.tagIds)] : undefined;
    await this.ensureMembers(tenantId, userIds ?? [], tagIds ?? []);
    const changes = Object.fromEntries(
      Object.entries({ name: input.name ?? undefined, userIds, tagIds }).filter(
        ([, value]) => value !== undefined,
      ),
    );
    const updated = await this.groups.update(tenantId, input.id, changes);
    if (!updated) throw new NotFoundError('UserGroup', input.id);
    return updated;
  }

  async delete(tenantId: TenantId, id: string): Promise<boolean> {
    await this.get(tenantId, id);
    return this.groups.remove(tenantId, id);
  }

  /** Unknown users or badges are refused, so a typo never silently prices nobody. */
  private async ensureMembers(tenantId: TenantId, userIds: string[], tagIds: string[]): Promise<void> {
    const [users, tags] = await Promise.all([
      Promise.all(
        userIds.map((id) =>
          this.users.get(tenantId, id).then(
            () => true,
            () => false,
          ),
        ),
      ),
      Promise.all(tagIds.map((id) => this.tags.findByTagId(tenantId, id))),
    ]);
    const unknownUser = userIds.find((_, index) => !users[index]);
    if (unknownUser) throw new BadInputError(`User ${unknownUser} not found`, { field: 'userIds' });
    const unknownTag = tagIds.find((_, index) => !tags[index]);
    if (unknownTag) throw new BadInputError(`Tag ${unknownTag} not found`, { field: 'tagIds' });
  }
}
