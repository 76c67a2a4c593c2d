import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreateTenantInput } from './dto/create-tenant.input';
import { Tenant } from './models/tenant.model';
import { TenantService } from './tenant.service';

@Resolver(() => Tenant)
export class TenantResolver {
  constructor(private readonly tenants: TenantService) {}

  @Mutation(() => Tenant, { description: 'Creates a tenant and its first admin (super admins only)' })
  @CheckAbility('create', 'Tenant')
  createTenant(@Args('input') input: CreateTenantInput): Promise<Tenant> {
    return this.tenants.create(input);
  }

  @Query(() => [Tenant], { name: 'tenants' })
  @CheckAbility('list', 'Tenant')
  listTenants(): Promise<Tenant[]> {
    return this.tenants.list();
  }

  @Query(() => Tenant, { description: "The caller's own tenant" })
  currentTenant(@CurrentPrincipal() principal: Principal): Promise<Tenant> {
    return this.tenants.get(principal.tenantId);
  }
}
