import { Connection, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { RegistrationTokensArgs } from './dto/registration-tokens.args';
import { RegistrationToken, RegistrationTokenStatus } from './models/registration-token.model';
import { RegistrationTokenDocument } from './schemas/registration-token.schema';

/** Domain field names that differ in storage, for accessibleQuery. */
export const REGISTRATION_TOKEN_FIELD_NAMES = { id: '_id' };

export type RegistrationTokenFields = Omit<
  RegistrationTokenDocument,
  '_id' | 'tenantId' | 'createdAt' | 'revokedAt'
>;

/** Neither revoked nor expired. */
const usable = (): FilterQuery<RegistrationTokenDocument> => ({
  revokedAt: { $exists: false },
  expiresAt: { $gt: new Date() },
});

@Injectable()
export class RegistrationTokenRepository extends TenantRepository<
  RegistrationTokenDocument,
  RegistrationToken
> {
  constructor(@InjectModel(RegistrationTokenDocument.name) model: Model<RegistrationTokenDocument>) {
    super(model);
  }

  create(tenantId: TenantId, fields: RegistrationTokenFields): Promise<RegistrationToken> {
    return this.insert(tenantId, fields);
  }

  findAccessible(
    tenantId: TenantId,
    id: string,
    accessible: FilterQuery<RegistrationTokenDocument>,
  ): Promise<RegistrationToken | null> {
    return this.findOne(tenantId, { $and: [{ _id: id }, accessible] });
  }

  /** The usable token with this hash, or null (unknown, expired or revoked). */
  findUsableByHash(tenantId: TenantId, tokenHash: string): Promise<RegistrationToken | null> {
    return this.findOne(tenantId, { tokenHash, ...usable() });
  }

  countUsable(tenantId: TenantId, filter: FilterQuery<RegistrationTokenDocument>): Promise<number> {
    return this.count(tenantId, { ...filter, ...usable() });
  }

  /** Newest first. */
  page(
    tenantId: TenantId,
    accessible: FilterQuery<RegistrationTokenDocument>,
    args: RegistrationTokensArgs,
  ): Promise<Connection<RegistrationToken>> {
    const filters: FilterQuery<RegistrationTokenDocument>[] = [accessible];
    if (args.siteAreaId) filters.push({ siteAreaId: args.siteAreaId });
    return this.findPage(tenantId, { $and: filters }, args, { field: 'createdAt', direction: -1 });
  }

  update(
    tenantId: TenantId,
    id: string,
    update: UpdateQuery<RegistrationTokenDocument>,
  ): Promise<RegistrationToken | null> {
    return this.updateOne(tenantId, { _id: id }, update);
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  protected toEntity(doc: Lean<RegistrationTokenDocument>): RegistrationToken {
    const status = doc.revokedAt
      ? RegistrationTokenStatus.REVOKED
      : doc.expiresAt <= new Date()
        ? RegistrationTokenStatus.EXPIRED
        : RegistrationTokenStatus.ACTIVE;
    return {
      id: doc._id,
      description: doc.description,
      expiresAt: doc.expiresAt,
      revokedAt: doc.revokedAt,
      siteAreaId: doc.siteAreaId,
      status,
      createdAt: doc.createdAt,
    };
  }
}
