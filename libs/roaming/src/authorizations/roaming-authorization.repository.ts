import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { RoamingAuthorization } from './roaming-authorization';
import { RoamingAuthorizationDocument } from './schemas/roaming-authorization.schema';

@Injectable()
export class RoamingAuthorizationRepository extends TenantRepository<
  RoamingAuthorizationDocument,
  RoamingAuthorization
> {
  constructor(@InjectModel(RoamingAuthorizationDocument.name) model: Model<RoamingAuthorizationDocument>) {
    super(model);
  }

  async record(tenantId: TenantId, authorization: Omit<RoamingAuthorization, 'createdAt'>): Promise<void> {
    await this.insert(tenantId, {
      ...authorization,
      tokenUid: authorization.token.uid.toUpperCase(),
    } as never);
  }

  /** The newest decision for this idTag at this station, still valid at `at` (or any age with `anyAge`). */
  async latest(
    tenantId: TenantId,
    stationId: string,
    idTag: string,
    at: Date,
    anyAge = false,
  ): Promise<RoamingAuthorization | null> {
    return this.newest(tenantId, {
      tokenUid: idTag.toUpperCase(),
      stationId,
      ...(anyAge ? {} : { expiresAt: { $gt: at } }),
    });
  }

  /** The partner's decision its own reference names (OICP: Hubject's SessionID), still valid and not withdrawn. */
  async findByReference(
    tenantId: TenantId,
    partnerId: string,
    reference: string,
    at: Date,
  ): Promise<RoamingAuthorization | null> {
    return this.newest(tenantId, { partnerId, authorizationReference: reference, expiresAt: { $gt: at } });
  }

  /** Withdraws the partner's decisions of that reference: no start relies on them any more. */
  async cancel(tenantId: TenantId, partnerId: string, reference: string, at: Date): Promise<number> {
    const result = await this.model
      .updateMany(
        this.scope(tenantId, {
          partnerId,
          authorizationReference: reference,
          cancelledAt: { $exists: false },
        }),
        { $set: { cancelledAt: at } },
      )
      .exec();
    return result.modifiedCount;
  }

  /** The newest decision matching `filter` that was not withdrawn. */
  private async newest(
    tenantId: TenantId,
    filter: FilterQuery<RoamingAuthorizationDocument>,
  ): Promise<RoamingAuthorization | null> {
    const doc = await this.model
      .findOne(this.scope(tenantId, { ...filter, cancelledAt: { $exists: false } }))
      .sort({ createdAt: -1, _id: -1 })
      .lean<Lean<RoamingAuthorizationDocument>>()
      .exec();
    return doc ? this.toEntity(doc) : null;
  }

  /** Retention: decisions older than `before`. */
  async deleteBefore(tenantId: TenantId, before: Date): Promise<number> {
    return (await this.model.deleteMany(this.scope(tenantId, { createdAt: { $lt: before } })).exec())
      .deletedCount;
  }

  protected toEntity(doc: Lean<RoamingAuthorizationDocument>): RoamingAuthorization {
    return {
      stationId: doc.stationId,
      partnerId: doc.partnerId,
      token: doc.token,
      authMethod: doc.authMethod,
      authorizationReference: doc.authorizationReference,
      expiresAt: doc.expiresAt,
      ...(doc.cancelledAt ? { cancelledAt: doc.cancelledAt } : {}),
      createdAt: doc.createdAt,
    };
  }
}
