import { TenantId, asTenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, UpdateQuery } from 'mongoose';
import { RoamingPartner } from './roaming-partner';
import { RoamingPartnerDocument } from './schemas/roaming-partner.schema';

export type NewRoamingPartner = Omit<RoamingPartner, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class RoamingPartnerRepository extends TenantRepository<RoamingPartnerDocument, RoamingPartner> {
  constructor(@InjectModel(RoamingPartnerDocument.name) model: Model<RoamingPartnerDocument>) {
    super(model);
  }

  create(tenantId: TenantId, partner: NewRoamingPartner): Promise<RoamingPartner> {
    return this.insert(tenantId, partner as never);
  }

  /** Every partner of the tenant, oldest first. */
  async list(tenantId: TenantId): Promise<RoamingPartner[]> {
    const docs = await this.model
      .find(this.scope(tenantId))
      .sort({ createdAt: 1, _id: 1 })
      .lean<Lean<RoamingPartnerDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  update(
    tenantId: TenantId,
    id: string,
    update: UpdateQuery<RoamingPartnerDocument>,
  ): Promise<RoamingPartner | null> {
    return this.updateOne(tenantId, { _id: id }, update);
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  protected toEntity(doc: Lean<RoamingPartnerDocument>): RoamingPartner {
    return {
      id: doc._id,
      tenantId: asTenantId(doc.tenantId),
      protocol: doc.protocol,
      name: doc.name,
      role: doc.role,
      status: doc.status,
      roles: doc.roles ?? [],
      ocpi: { ...doc.ocpi, endpoints: doc.ocpi?.endpoints ?? [] },
      registeredAt: doc.registeredAt,
      lastError: doc.lastError,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    };
  }
}
