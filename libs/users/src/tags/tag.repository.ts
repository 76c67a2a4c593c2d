import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Tag } from './models/tag.model';
import { TagDocument } from './schemas/tag.schema';

@Injectable()
export class TagRepository extends TenantRepository<TagDocument, Tag> {
  constructor(@InjectModel(TagDocument.name) model: Model<TagDocument>) {
    super(model);
  }

  async create(tenantId: TenantId, tag: Tag): Promise<Tag> {
    const { id, ...fields } = tag;
    return this.insert(tenantId, { tagId: id, ...fields });
  }

  async findByTagId(tenantId: TenantId, tagId: string): Promise<Tag | null> {
    return this.findOne(tenantId, { tagId });
  }

  async page(tenantId: TenantId, args: ConnectionArgs): Promise<Connection<Tag>> {
    return this.findPage(tenantId, {}, args, { field: 'tagId', direction: 1 });
  }

  protected toEntity(doc: Lean<TagDocument>): Tag {
    return {
      id: doc.tagId,
      active: doc.active,
      userId: doc.userId,
      description: doc.description,
      expiresAt: doc.expiresAt,
      parentTagId: doc.parentTagId,
    };
  }
}
