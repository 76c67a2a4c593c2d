import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { PartnerCommandDocument } from './schemas/partner-command.schema';

export interface StoredPartnerCommand {
  id: string;
  partnerId: string;
  command: string;
  userId?: string;
  locationId?: string;
  evseUid?: string;
  sessionId?: string;
  response?: string;
  result?: string;
  message?: string;
  timeoutAt?: Date;
  resultAt?: Date;
  createdAt: Date;
}

@Injectable()
export class PartnerCommandRepository extends TenantRepository<PartnerCommandDocument, StoredPartnerCommand> {
  constructor(@InjectModel(PartnerCommandDocument.name) model: Model<PartnerCommandDocument>) {
    super(model);
  }

  create(
    tenantId: TenantId,
    command: Omit<StoredPartnerCommand, 'id' | 'createdAt'>,
  ): Promise<StoredPartnerCommand> {
    return this.insert(tenantId, command as never);
  }

  update(
    tenantId: TenantId,
    id: string,
    set: Partial<StoredPartnerCommand>,
  ): Promise<StoredPartnerCommand | null> {
    return this.updateOne(tenantId, { _id: id }, { $set: set });
  }

  protected toEntity(doc: Lean<PartnerCommandDocument>): StoredPartnerCommand {
    const { _id, tenantId: _tenantId, ...fields } = doc;
    return { ...fields, id: _id };
  }
}
