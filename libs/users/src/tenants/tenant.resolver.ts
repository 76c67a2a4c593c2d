import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { TenantId } from '@csms/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreateTenantInput } from './dto/create-tenant.input';
import { UpdateTenantInput } from './dto/update-tenant.input';
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

  @Mutation(() => Tenant, { description: 'Name, activation and settings (super admins only)' })
  @CheckAbility('update', 'Tenant')
  updateTenant(@Args('input') input: UpdateTenantInput): Promise<Tenant> {
    return this.tenants.update(input);
  }

  @Mutation(() => Tenant, {
    description: 'Refuses its logins, tokens and stations from now on (super admins only)',
  })
  @CheckAbility('update', 'Tenant')
  deactivateTenant(@Args('id', { type: () => ID }) id: string): Promise<Tenant> {
    return this.tenants.deactivate(id);
  }

  @Query(() => [Tenant], { name: 'tenants' })
  @CheckAbility('list', 'Tenant')
  listTenants(): Promise<Tenant[]> {
    return this.tenants.list();
  }

  @Query(() => Tenant)
  @CheckAbility('read', 'Tenant')
  tenant(@Args('id', { type: () => ID }) id: string): Promise<Tenant> {
    return this.tenants.get(id as TenantId);
  }

  @Query(() => Tenant, { description: "The caller's own tenant" })
  currentTenant(@CurrentPrincipal() principal: Principal): Promise<Tenant> {
    return this.tenants.get(principal.tenantId);
  }
}
