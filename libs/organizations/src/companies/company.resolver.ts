import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NamedConnectionArgs } from '../shared/named-args';
import { CompanyService } from './company.service';
import { CreateCompanyInput } from './dto/create-company.input';
import { UpdateCompanyInput } from './dto/update-company.input';
import { CompanyConnection } from './models/company-connection.model';
import { Company } from './models/company.model';

@Resolver(() => Company)
export class CompanyResolver {
  constructor(private readonly companies: CompanyService) {}

  @Query(() => CompanyConnection, { name: 'companies', description: 'Sorted by name' })
  @CheckAbility('list', 'Company')
  listCompanies(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: NamedConnectionArgs,
  ): Promise<Connection<Company>> {
    return this.companies.list(principal, ability, args);
  }

  @Query(() => Company)
  @CheckAbility('read', 'Company')
  company(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Company> {
    return this.companies.getReadable(principal, ability, id);
  }

  @Mutation(() => Company)
  @CheckAbility('create', 'Company')
  createCompany(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateCompanyInput,
  ): Promise<Company> {
    return this.companies.create(principal, ability, input);
  }

  @Mutation(() => Company)
  @CheckAbility('update', 'Company')
  updateCompany(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateCompanyInput,
  ): Promise<Company> {
    return this.companies.update(principal, ability, input);
  }

  @Mutation(() => Boolean, { description: 'Refused (BAD_USER_INPUT) while the company has sites' })
  @CheckAbility('delete', 'Company')
  deleteCompany(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.companies.delete(principal, ability, id);
  }
}
