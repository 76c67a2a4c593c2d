import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { ConnectedAccountState } from '../provider/billing-provider.port';
import { ConnectedAccount, ConnectedAccountOwner } from './connected-account';
import { ConnectedAccountDocument } from './schemas/connected-account.schema';

const MAX_LISTED = 500;

@Injectable()
export class ConnectedAccountRepository extends TenantRepository<ConnectedAccountDocument, ConnectedAccount> {
  constructor(@InjectModel(ConnectedAccountDocument.name) model: Model<ConnectedAccountDocument>) {
    super(model);
  }

  async create(
    tenantId: TenantId,
    account: Omit<ConnectedAccount, 'tenantId' | 'createdAt' | 'updatedAt'>,
  ): Promise<ConnectedAccount> {
    const { id, ...fields } = account;
    return this.insert(tenantId, { _id: id, ...fields });
  }

  ofOwner(
    tenantId: TenantId,
    ownerType: ConnectedAccountOwner,
    ownerId: string,
  ): Promise<ConnectedAccount | null> {
    return this.findOne(tenantId, { ownerType, ownerId });
  }

  list(tenantId: TenantId, filter: { companyIds?: string[] }): Promise<ConnectedAccount[]> {
    const query: FilterQuery<ConnectedAccountDocument> = filter.companyIds
      ? { companyId: { $in: filter.companyIds } }
      : {};
    return this.findMany(tenantId, query, MAX_LISTED);
  }

  /** The provider's current view of the account. */
  async setState(tenantId: TenantId, state: ConnectedAccountState): Promise<ConnectedAccount | null> {
    const { id, ...fields } = state;
    return this.updateOne(tenantId, { _id: id }, { $set: fields });
  }

  protected toEntity(doc: Lean<ConnectedAccountDocument>): ConnectedAccount {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      ownerType: doc.ownerType,
      ownerId: doc.ownerId,
      companyId: doc.companyId,
      siteId: doc.siteId,
      name: doc.name,
      email: doc.email,
      country: doc.country,
      chargesEnabled: doc.chargesEnabled ?? false,
      payoutsEnabled: doc.payoutsEnabled ?? false,
      detailsSubmitted: doc.detailsSubmitted ?? false,
      transfersEnabled: doc.transfersEnabled ?? false,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    };
  }
}
