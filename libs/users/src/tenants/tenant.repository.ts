import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Tenant } from './models/tenant.model';
import { TenantDocument } from './schemas/tenant.schema';

/** Tenants are global, so this repository is the one that does not extend TenantRepository. */
@Injectable()
export class TenantRepository {
  constructor(@InjectModel(TenantDocument.name) private readonly model: Model<TenantDocument>) {}

  async findById(id: TenantId): Promise<Tenant | null> {
    const doc = await this.model.findById(id).lean<TenantDocument>().exec();
    return doc ? this.toEntity(doc) : null;
  }

  async findAll(): Promise<Tenant[]> {
    const docs = await this.model.find().sort({ _id: 1 }).lean<TenantDocument[]>().exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  /** Creates the tenant unless it exists; returns whether it was created. */
  async createIfMissing(tenant: Tenant): Promise<boolean> {
    const { id, ...fields } = tenant;
    const result = await this.model.updateOne({ _id: id }, { $setOnInsert: fields }, { upsert: true }).exec();
    return result.upsertedCount > 0;
  }

  private toEntity(doc: TenantDocument): Tenant {
    return { id: doc._id, name: doc.name, active: doc.active, registrationPolicy: doc.registrationPolicy };
  }
}
