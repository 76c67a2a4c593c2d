import { Role } from '@csms/auth';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  DEFAULT_TENANT_ID,
  NotFoundError,
  ReadThroughCache,
  TenantId,
  asTenantId,
} from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { assertStrongPassword } from '../users/password-policy';
import { UserService } from '../users/user.service';
import { CreateTenantInput } from './dto/create-tenant.input';
import { UpdateTenantInput } from './dto/update-tenant.input';
import { applyComponents } from './models/tenant-components.model';
import { Tenant } from './models/tenant.model';
import { RegistrationPolicy, TENANT_COMPONENTS } from './schemas/tenant.schema';
import { TenantChanges, TenantRepository } from './tenant.repository';

/**
 * How long the OCPP edge trusts an active tenant it has read: when thousands of stations reconnect
 * at once, each upgrade and boot would otherwise read the same tenant again. A change made through
 * this instance applies at once; other instances see it within this time.
 */
export const ACTIVE_TENANT_TTL_MS = 5_000;
/**
 * Tenant ids remembered at most, unknown ones included: upgrades naming a tenant that does not exist
 * (a misconfigured station, someone probing) are refused without a read each, and cannot make the
 * cache grow.
 */
const REMEMBERED_TENANTS = 10_000;

@Injectable()
export class TenantService {
  private readonly activeTenants = new ReadThroughCache<Tenant | null>(
    ACTIVE_TENANT_TTL_MS,
    () => true,
    REMEMBERED_TENANTS,
  );

  constructor(
    private readonly tenants: TenantRepository,
    private readonly users: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Production refuses unknown stations by default; development lets them register themselves. */
  defaultRegistrationPolicy(): RegistrationPolicy {
    return this.config.NODE_ENV === 'production' ? RegistrationPolicy.REGISTERED : RegistrationPolicy.OPEN;
  }

  async ensureDefaultTenant(): Promise<void> {
    await this.tenants.createIfMissing({
      _id: DEFAULT_TENANT_ID,
      name: 'Default',
      registrationPolicy: this.defaultRegistrationPolicy(),
    });
    this.activeTenants.forget(DEFAULT_TENANT_ID);
  }

  async create(input: CreateTenantInput): Promise<Tenant> {
    assertStrongPassword(input.adminPassword, 'adminPassword');
    const created = await this.tenants.createIfMissing({
      _id: input.id,
      name: input.name,
      registrationPolicy: RegistrationPolicy.REGISTERED,
    });
    if (!created) throw new BadInputError(`Tenant ${input.id} already exists`, { field: 'id' });
    // It may have been asked for (and remembered as unknown) a moment ago.
    this.activeTenants.forget(input.id);
    const tenantId = asTenantId(input.id);
    await this.users.create(tenantId, {
      email: input.adminEmail,
      password: input.adminPassword,
      role: Role.ADMIN,
    });
    return this.get(tenantId);
  }

  async update(input: UpdateTenantInput): Promise<Tenant> {
    const existing = await this.get(input.id as TenantId);
    if (input.id === DEFAULT_TENANT_ID && input.active === false) {
      throw new BadInputError('Tenant "default" cannot be deactivated', { field: 'active' });
    }
    const { id, components, ...fields } = input;
    const changes: TenantChanges = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    );
    if (components) {
      const enabled = TENANT_COMPONENTS.filter((name) => existing.components[name]);
      changes.components = applyComponents(enabled, components);
    }
    const updated = await this.tenants.update(id as TenantId, { $set: changes });
    this.activeTenants.forget(id);
    if (!updated) throw new NotFoundError('Tenant', id);
    return updated;
  }

  deactivate(id: string): Promise<Tenant> {
    return this.update({ id, active: false });
  }

  async get(id: TenantId): Promise<Tenant> {
    const tenant = await this.tenants.findById(id);
    if (!tenant) throw new NotFoundError('Tenant', id);
    return tenant;
  }

  /** The tenant when it exists and is active: what the OCPP edge checks at the upgrade. */
  findActive(id: string): Promise<Tenant | null> {
    return this.activeTenants.get(id, async () => {
      const tenant = await this.tenants.findById(id as TenantId);
      return tenant?.active ? tenant : null;
    });
  }

  /** The tenant's clock, for stations whose site has none (read with the cached active tenant). */
  async timeZoneOf(id: TenantId): Promise<string> {
    return (await this.findActive(id))?.timeZone ?? 'UTC';
  }

  list(): Promise<Tenant[]> {
    return this.tenants.findAll();
  }
}
