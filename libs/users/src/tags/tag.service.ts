import { isDuplicateKeyError } from '@csms/database';
import { AppAbility, Principal, accessibleQuery, canOn } from '@csms/auth';
import { BadInputError, Connection, ForbiddenError, NotFoundError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable } from '@nestjs/common';
import { UpdateQuery } from 'mongoose';
import { UserService } from '../users/user.service';
import { CreateTagInput } from './dto/create-tag.input';
import { TagsArgs } from './dto/tags.args';
import { UpdateTagInput } from './dto/update-tag.input';
import { Tag } from './models/tag.model';
import { TagDocument } from './schemas/tag.schema';
import { TAG_CHANGED } from './tag-events';
import { TAG_FIELD_NAMES, TagRepository } from './tag.repository';

@Injectable()
export class TagService {
  constructor(
    private readonly tags: TagRepository,
    private readonly users: UserService,
    private readonly events: EventBus,
  ) {}

  /** Creates a badge without an ability check (imports, other modules); the owner must exist in the tenant. */
  async create(tenantId: TenantId, input: CreateTagInput): Promise<Tag> {
    if (input.userId) await this.users.get(tenantId, input.userId);
    if (input.default && !input.userId)
      throw new BadInputError('A default badge needs an owner', { field: 'default' });
    let tag: Tag;
    try {
      tag = await this.tags.create(tenantId, {
        ...input,
        active: input.active ?? true,
        default: input.default ?? false,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new BadInputError(`Tag ${input.id} already exists`, { field: 'id' });
      }
      throw error;
    }
    if (tag.default && tag.userId) await this.tags.clearOtherDefaults(tenantId, tag.userId, tag.id);
    await this.events.publish(domainEvent(TAG_CHANGED, tenantId, { tag }));
    return tag;
  }

  async createFor(principal: Principal, ability: AppAbility, input: CreateTagInput): Promise<Tag> {
    if (!canOn(ability, 'create', 'Tag', { userId: input.userId }))
      throw new ForbiddenError('You may not create this tag');
    return this.create(principal.tenantId, input);
  }

  findByTagId(tenantId: TenantId, tagId: string): Promise<Tag | null> {
    return this.tags.findByTagId(tenantId, tagId);
  }

  /** Badges changed in [from, to), oldest first (roaming's token lists), and how many match. */
  changedBetween(
    tenantId: TenantId,
    window: { from?: Date; to?: Date; offset: number; limit: number },
  ): Promise<{ items: Tag[]; total: number }> {
    return this.tags.changedBetween(tenantId, window);
  }

  list(principal: Principal, ability: AppAbility, args: TagsArgs): Promise<Connection<Tag>> {
    return this.tags.page(principal.tenantId, accessibleQuery(ability, 'list', 'Tag', TAG_FIELD_NAMES), args);
  }

  async getReadable(principal: Principal, ability: AppAbility, id: string): Promise<Tag> {
    const accessible = accessibleQuery(ability, 'read', 'Tag', TAG_FIELD_NAMES);
    const tag = await this.tags.findAccessible(principal.tenantId, id, accessible);
    if (!tag) throw new NotFoundError('Tag', id);
    return tag;
  }

  async update(principal: Principal, ability: AppAbility, input: UpdateTagInput): Promise<Tag> {
    const existing = await this.getReadable(principal, ability, input.id);
    const { id, default: isDefault, userId, ...fields } = input;
    const set: Partial<TagDocument> = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    );
    const update: UpdateQuery<TagDocument> = { $set: set };
    const ownerAfter = userId === undefined ? existing.userId : (userId ?? undefined);
    if (userId) await this.users.get(principal.tenantId, userId);
    if (userId === null) update.$unset = { userId: 1 };
    else if (userId !== undefined) set.userId = userId;
    if (isDefault !== undefined) set.isDefault = isDefault;
    if (userId !== undefined && userId !== existing.userId && isDefault === undefined) set.isDefault = false;
    if (set.isDefault && !ownerAfter)
      throw new BadInputError('A default badge needs an owner', { field: 'default' });
    const after = { ...existing, ...fields, userId: ownerAfter };
    if (!canOn(ability, 'update', 'Tag', existing) || !canOn(ability, 'update', 'Tag', after)) {
      throw new ForbiddenError('You may not update this tag');
    }
    const updated = await this.tags.update(principal.tenantId, id, update);
    if (!updated) throw new NotFoundError('Tag', id);
    if (updated.default && updated.userId)
      await this.tags.clearOtherDefaults(principal.tenantId, updated.userId, id);
    await this.events.publish(domainEvent(TAG_CHANGED, principal.tenantId, { tag: updated }));
    return updated;
  }

  async delete(principal: Principal, ability: AppAbility, id: string): Promise<boolean> {
    const existing = await this.getReadable(principal, ability, id);
    if (!canOn(ability, 'delete', 'Tag', existing)) throw new ForbiddenError('You may not delete this tag');
    const removed = await this.tags.remove(principal.tenantId, id);
    if (removed)
      await this.events.publish(
        domainEvent(TAG_CHANGED, principal.tenantId, { tag: existing, deleted: true }),
      );
    return removed;
  }
}
