import { Connection, TenantId, textContains } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { TagsArgs } from './dto/tags.args';
import { Tag } from './models/tag.model';
import { TagDocument } from './schemas/tag.schema';

/** Domain field names that differ in storage, for accessibleQuery. */
export const TAG_FIELD_NAMES = { id: 'tagId' };

@Injectable()
export class TagRepository extends TenantRepository<TagDocument, Tag> {
  constructor(@InjectModel(TagDocument.name) model: Model<TagDocument>) {
    super(model);
  }

  async create(tenantId: TenantId, tag: Tag): Promise<Tag> {
    const { id, default: isDefault, ...fields } = tag;
    return this.insert(tenantId, { tagId: id, isDefault, ...fields });
  }

  async findByTagId(tenantId: TenantId, tagId: string): Promise<Tag | null> {
    return this.findOne(tenantId, { tagId });
  }

  async findAccessible(
    tenantId: TenantId,
    tagId: string,
    accessible: FilterQuery<TagDocument>,
  ): Promise<Tag | null> {
    return this.findOne(tenantId, { $and: [{ tagId }, accessible] });
  }

  /** What `accessible` lets the caller list, streamed (exports). */
  matching(tenantId: TenantId, accessible: FilterQuery<TagDocument>): AsyncGenerator<Tag> {
    return this.streamMatching(tenantId, accessible);
  }

  async page(
    tenantId: TenantId,
    accessible: FilterQuery<TagDocument>,
    args: TagsArgs,
  ): Promise<Connection<Tag>> {
    const filters: FilterQuery<TagDocument>[] = [accessible];
    if (args.userId) filters.push({ userId: args.userId });
    if (args.search) {
      const pattern = textContains(args.search);
      filters.push({ $or: [{ tagId: pattern }, { description: pattern }] });
    }
    return this.findPage(tenantId, { $and: filters }, args, { field: 'tagId', direction: 1 });
  }

  update(tenantId: TenantId, tagId: string, update: UpdateQuery<TagDocument>): Promise<Tag | null> {
    return this.updateOne(tenantId, { tagId }, update);
  }

  /** Keeps one default badge per user: clears the flag on the user's other badges. */
  async clearOtherDefaults(tenantId: TenantId, userId: string, keepTagId: string): Promise<void> {
    await this.model
      .updateMany(this.scope(tenantId, { userId, tagId: { $ne: keepTagId } }), { $set: { isDefault: false } })
      .exec();
  }

  /** A deleted user's badges stay (sessions refer to them) but lose their owner. */
  async unassignUser(tenantId: TenantId, userId: string): Promise<void> {
    await this.model
      .updateMany(this.scope(tenantId, { userId }), { $unset: { userId: 1 }, $set: { isDefault: false } })
      .exec();
  }

  /** Badges changed in [from, to), oldest first, a window of them and how many match. */
  async changedBetween(
    tenantId: TenantId,
    window: { from?: Date; to?: Date; offset: number; limit: number },
  ): Promise<{ items: Tag[]; total: number }> {
    const filter: FilterQuery<TagDocument> =
      window.from || window.to
        ? {
            updatedAt: {
              ...(window.from ? { $gte: window.from } : {}),
              ...(window.to ? { $lt: window.to } : {}),
            },
          }
        : {};
    const [docs, total] = await Promise.all([
      this.model
        .find(this.scope(tenantId, filter))
        .sort({ _id: 1 })
        .skip(window.offset)
        .limit(window.limit)
        .lean<Lean<TagDocument>[]>()
        .exec(),
      this.count(tenantId, filter),
    ]);
    return { items: docs.map((doc) => this.toEntity(doc)), total };
  }

  remove(tenantId: TenantId, tagId: string): Promise<boolean> {
    return this.deleteOne(tenantId, { tagId });
  }

  protected toEntity(doc: Lean<TagDocument>): Tag {
    return {
      id: doc.tagId,
      active: doc.active,
      userId: doc.userId,
      description: doc.description,
      expiresAt: doc.expiresAt,
      parentTagId: doc.parentTagId,
      default: doc.isDefault ?? false,
      updatedAt: doc.updatedAt,
    };
  }
}
