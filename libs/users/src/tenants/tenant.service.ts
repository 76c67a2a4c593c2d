import { APP_CONFIG, AppConfig, BadInputError, DEFAULT_TENANT_ID, NotFoundError, TenantId, asTenantId } from '@csms/common';
import { Role } from '@csms/auth';
import { Inject, Injectable } from '@nestjs/common';
import { UserService } from '../users/user.service';
import { assertStrongPassword } from '../users/password-policy';
import { CreateTenantInput } from './dto/create-tenant.input';
import { Tenant } from './models/tenant.model';
import { RegistrationPolicy } from './schemas/tenant.schema';
import { TenantRepository } from './tenant.repository';

@Injectable()
export class TenantService {
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
      id: DEFAULT_TENANT_ID,
      name: 'Default',
      active: true,
      registrationPolicy: this.defaultRegistrationPolicy(),
    });
  }

  async create(input: CreateTenantInput): Promise<Tenant> {
    assertStrongPassword(input.adminPassword, 'adminPassword');
    const tenant: Tenant = {
      id: input.id,
      name: input.name,
      active: true,
      registrationPolicy: RegistrationPolicy.REGISTERED,
    };
    if (!(await this.tenants.createIfMissing(tenant))) {
      throw new BadInputError(`Tenant ${input.id} already exists`, { field: 'id' });
    }
    await this.users.create(asTenantId(input.id), {
      email: input.adminEmail,
      password: input.adminPassword,
      role: Role.ADMIN,
    });
    return tenant;
  }

  async get(id: TenantId): Promise<Tenant> {
    const tenant = await this.tenants.findById(id);
    if (!tenant) throw new NotFoundError('Tenant', id);
    return tenant;
  }

  /** The tenant when it exists and is active: what the OCPP edge checks at the upgrade. */
  async findActive(id: string): Promise<Tenant | null> {
    const tenant = await this.tenants.findById(id as TenantId);
    return tenant?.active ? tenant : null;
  }

  list(): Promise<Tenant[]> {
    return this.tenants.findAll();
  }
}
