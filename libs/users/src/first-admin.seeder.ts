import { APP_CONFIG, AppConfig, DEFAULT_TENANT_ID } from '@csms/common';
import { Role } from '@csms/auth';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DEVELOPMENT_ACCOUNTS } from './development-accounts';
import { TagService } from './tags/tag.service';
import { TenantService } from './tenants/tenant.service';
import { UserRepository } from './users/user.repository';
import { UserService } from './users/user.service';

/**
 * After boot: tenant `default` exists, and an empty database gets its super admin from
 * ADMIN_EMAIL/ADMIN_PASSWORD; in development also a tenant admin and a demo driver with the
 * simulator's badge (DEVELOPMENT_ACCOUNTS).
 */
@Injectable()
export class FirstAdminSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminSeeder.name);

  constructor(
    private readonly tenants: TenantService,
    private readonly userRepository: UserRepository,
    private readonly users: UserService,
    private readonly tags: TagService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tenants.ensureDefaultTenant();
    if (await this.userRepository.existsAny()) return;
    try {
      await this.users.create(DEFAULT_TENANT_ID, {
        email: this.config.ADMIN_EMAIL,
        password: this.config.ADMIN_PASSWORD,
        role: Role.SUPER_ADMIN,
      });
    } catch (error) {
      // Several instances booting on one empty database: one of them creates the admin.
      if (await this.userRepository.existsAny()) return;
      throw error;
    }
    this.logger.log(`Created the first super admin ${this.config.ADMIN_EMAIL} in tenant "default"`);
    if (this.config.NODE_ENV === 'development') await this.seedDevelopmentAccounts();
  }

  private async seedDevelopmentAccounts(): Promise<void> {
    const { tenantAdmin, demoDriver, demoTagId } = DEVELOPMENT_ACCOUNTS;
    await this.users.create(DEFAULT_TENANT_ID, tenantAdmin);
    const driver = await this.users.create(DEFAULT_TENANT_ID, demoDriver);
    await this.tags.create(DEFAULT_TENANT_ID, {
      id: demoTagId,
      userId: driver.id,
      active: true,
      default: true,
    });
    this.logger.warn(
      `Development database (NODE_ENV=development, never in production): tenant "default" admin ` +
        `${tenantAdmin.email} / ${tenantAdmin.password}, demo driver ${demoDriver.email} / ${demoDriver.password} ` +
        `with badge ${demoTagId} (the simulator's default)`,
    );
  }
}
