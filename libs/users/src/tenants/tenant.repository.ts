import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, UpdateQuery } from 'mongoose';
import { componentsOf } from './models/tenant-components.model';
import { Tenant } from './models/tenant.model';
import { TenantComponent, TenantDocument } from './schemas/tenant.schema';

export type TenantChanges = Partial<
  Pick<
    TenantDocument,
    'name' | 'active' | 'registrationPolicy' | 'selfRegistration' | 'locales' | 'components'
  >
>;

type NewTenant = Pick<TenantDocument, '_id' | 'name' | 'registrationPolicy'> & Partial<TenantChanges>;

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
  async createIfMissing(tenant: NewTenant): Promise<boolean> {
    const { _id, ...fields } = tenant;
    const defaults = {
      active: true,
      selfRegistration: false,
      locales: ['en'],
      components: [] as TenantComponent[],
    };
    const result = await this.model
      .updateOne({ _id }, { $setOnInsert: { ...defaults, ...fields } }, { upsert: true })
      .exec();
    return result.upsertedCount > 0;
  }

  async update(id: TenantId, changes: TenantChanges | UpdateQuery<TenantDocument>): Promise<Tenant | null> {
    const doc = await this.model
      .findOneAndUpdate({ _id: id }, changes, { new: true })
      .lean<TenantDocument>()
      .exec();
    return doc ? this.toEntity(doc) : null;
  }

  private toEntity(doc: TenantDocument): Tenant {
    return {
      id: doc._id,
      name: doc.name,
      active: doc.active,
      registrationPolicy: doc.registrationPolicy,
      selfRegistration: doc.selfRegistration ?? false,
      locales: doc.locales ?? ['en'],
      components: componentsOf(doc.components ?? []),
      timeZone: doc.timeZone ?? 'UTC',
    };
  }
}
