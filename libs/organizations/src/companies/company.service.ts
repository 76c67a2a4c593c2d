import { AppAbility, Principal, accessibleQuery } from '@csms/auth';
import { BadInputError, Connection, NotFoundError, definedOnly } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { ensureCan } from '../shared/ensure-can';
import { NamedConnectionArgs } from '../shared/named-args';
import { SiteRepository } from '../sites/site.repository';
import { COMPANY_FIELD_NAMES, CompanyRepository } from './company.repository';
import { CreateCompanyInput } from './dto/create-company.input';
import { UpdateCompanyInput } from './dto/update-company.input';
import { Company } from './models/company.model';

@Injectable()
export class CompanyService {
  constructor(
    private readonly companies: CompanyRepository,
    private readonly sites: SiteRepository,
  ) {}

  list(principal: Principal, ability: AppAbility, args: NamedConnectionArgs): Promise<Connection<Company>> {
    const accessible = accessibleQuery(ability, 'list', 'Company', COMPANY_FIELD_NAMES);
    return this.companies.page(principal.tenantId, accessible, args);
  }

  /** A company the caller may read; others (and every other tenant's) do not exist for it. */
  async getReadable(principal: Principal, ability: AppAbility, id: string): Promise<Company> {
    const accessible = accessibleQuery(ability, 'read', 'Company', COMPANY_FIELD_NAMES);
    const company = await this.companies.findAccessible(principal.tenantId, id, accessible);
    if (!company) throw new NotFoundError('Company', id);
    return company;
  }

  async create(principal: Principal, ability: AppAbility, input: CreateCompanyInput): Promise<Company> {
    ensureCan(ability, 'create', 'Company', input);
    return this.companies.create(principal.tenantId, { ...input });
  }

  async update(principal: Principal, ability: AppAbility, input: UpdateCompanyInput): Promise<Company> {
    const { id, ...fields } = input;
    ensureCan(ability, 'update', 'Company', await this.getReadable(principal, ability, id));
    const updated = await this.companies.update(principal.tenantId, id, definedOnly({ ...fields }));
    if (!updated) throw new NotFoundError('Company', id);
    return updated;
  }

  /** Refused while the company has sites: deleting them is a decision to take one by one. */
  async delete(principal: Principal, ability: AppAbility, id: string): Promise<boolean> {
    ensureCan(ability, 'delete', 'Company', await this.getReadable(principal, ability, id));
    const sites = await this.sites.count(principal.tenantId, { companyId: id });
    if (sites > 0) {
      throw new BadInputError(`Company ${id} still has ${sites} site(s): delete or move them first`, {
        field: 'id',
      });
    }
    return this.companies.remove(principal.tenantId, id);
  }
}
