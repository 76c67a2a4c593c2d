import { Connection, TenantId, textContains } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { NamedConnectionArgs } from '../shared/named-args';
import { Company } from './models/company.model';
import { CompanyDocument } from './schemas/company.schema';

/** Domain field names that differ in storage, for accessibleQuery. */
export const COMPANY_FIELD_NAMES = { id: '_id' };

type CompanyFields = Omit<Company, 'id' | 'createdAt'>;

@Injectable()
export class CompanyRepository extends TenantRepository<CompanyDocument, Company> {
  constructor(@InjectModel(CompanyDocument.name) model: Model<CompanyDocument>) {
    super(model);
  }

  create(tenantId: TenantId, fields: CompanyFields): Promise<Company> {
    return this.insert(tenantId, fields);
  }

  findAccessible(
    tenantId: TenantId,
    id: string,
    accessible: FilterQuery<CompanyDocument>,
  ): Promise<Company | null> {
    return this.findOne(tenantId, { $and: [{ _id: id }, accessible] });
  }

  page(
    tenantId: TenantId,
    accessible: FilterQuery<CompanyDocument>,
    args: NamedConnectionArgs,
  ): Promise<Connection<Company>> {
    const filters: FilterQuery<CompanyDocument>[] = [accessible];
    if (args.name) filters.push({ name: textContains(args.name) });
    return this.findPage(tenantId, { $and: filters }, args, { field: 'name', direction: 1 });
  }

  update(tenantId: TenantId, id: string, fields: Partial<CompanyFields>): Promise<Company | null> {
    return this.updateOne(tenantId, { _id: id }, { $set: fields });
  }

  remove(tenantId: TenantId, id: string): Promise<boolean> {
    return this.deleteOne(tenantId, { _id: id });
  }

  protected toEntity(doc: Lean<CompanyDocument>): Company {
    return { id: doc._id, name: doc.name, address: doc.address, createdAt: doc.createdAt };
  }
}
