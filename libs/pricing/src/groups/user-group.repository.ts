import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { UserGroup } from '../model/tariff-assignment';
import { UserGroupDocument } from './schemas/user-group.schema';

export type UserGroupFields = Omit<UserGroup, 'id' | 'tenantId' | 'createdAt'>;

@Injectable()
export class UserGroupRepository extends TenantRepository<UserGroupDocument, UserGroup> {
  constructor(@InjectModel(UserGroupDocument.name) model: Model<UserGroupDocument>) {
    super(model);
  }

  create(tenantId: TenantId, fields: UserGroupFields): Promise<UserGroup> {
    return this.insert(tenantId, fields);
  }

  update(tenantId: TenantId, id: string, fields: Partial<UserGroupFields>): Promise<UserGroup | null> {
    return this.updateOne(tenantId, { _id: id }, { $set: fields });
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  all(tenantId: TenantId): Promise<UserGroup[]> {
    return this.findMany(tenantId, {});
  }

  /** The ids of the groups a user or a badge belongs to. */
  async idsOfMember(tenantId: TenantId, member: { userId?: string; tagId?: string }): Promise<Set<string>> {
    const either: FilterQuery<UserGroupDocument>[] = [];
    if (member.userId) either.push({ userIds: member.userId });
    if (member.tagId) either.push({ tagIds: member.tagId });
    if (!either.length) return new Set();
    const docs = await this.model
      .find(this.scope(tenantId, { $or: either }), { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return new Set(docs.map((doc) => doc._id));
  }

  protected toEntity(doc: Lean<UserGroupDocument>): UserGroup {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      name: doc.name,
      userIds: doc.userIds ?? [],
      tagIds: doc.tagIds ?? [],
      createdAt: doc.createdAt,
    };
  }
}
