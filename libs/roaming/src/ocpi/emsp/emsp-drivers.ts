import { TenantId } from '@csms/common';
import { TagService, UserService } from '@csms/users';
import { Injectable } from '@nestjs/common';
import { ownerOfContract } from './our-tokens';

/** Which of our users a partner's session or CDR belongs to, by the token it carries. */
@Injectable()
export class EmspDrivers {
  constructor(
    private readonly tags: TagService,
    private readonly users: UserService,
  ) {}

  async userOf(
    tenantId: TenantId,
    token: { uid?: string; type?: string; contractId?: string },
  ): Promise<string | undefined> {
    const owner = token.contractId ? ownerOfContract(token.contractId) : {};
    const tagId = owner.tagId ?? (token.type !== 'APP_USER' ? token.uid : undefined);
    if (tagId) {
      const tag = await this.tags.findByTagId(tenantId, tagId);
      if (tag?.userId) return tag.userId;
    }
    const userId = owner.userId ?? (token.type === 'APP_USER' ? token.uid : undefined);
    if (!userId) return undefined;
    return (await this.users.get(tenantId, userId).catch(() => null))?.id;
  }
}
