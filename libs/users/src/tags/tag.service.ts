import { BadInputError, TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { UserService } from '../users/user.service';
import { CreateTagInput } from './dto/create-tag.input';
import { Tag } from './models/tag.model';
import { TagRepository } from './tag.repository';

const DUPLICATE_KEY = 11000;

@Injectable()
export class TagService {
  constructor(
    private readonly tags: TagRepository,
    private readonly users: UserService,
  ) {}

  async create(tenantId: TenantId, input: CreateTagInput): Promise<Tag> {
    if (input.userId) await this.users.get(tenantId, input.userId);
    try {
      return await this.tags.create(tenantId, { ...input, active: input.active ?? true });
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) {
        throw new BadInputError(`Tag ${input.id} already exists`, { field: 'id' });
      }
      throw error;
    }
  }

  findByTagId(tenantId: TenantId, tagId: string): Promise<Tag | null> {
    return this.tags.findByTagId(tenantId, tagId);
  }
}
