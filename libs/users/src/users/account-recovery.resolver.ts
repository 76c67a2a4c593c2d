import { AuditedInService } from '@csms/audit';
import { AuthRateLimitGuard, Public } from '@csms/auth';
import { BadInputError, DEFAULT_TENANT_ID, TenantId, asTenantId, isValidTenantId } from '@csms/common';
import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RegisterInput } from './dto/register.input';
import { PasswordResetService } from './password-reset.service';
import { RegistrationService } from './registration.service';

function tenantOf(tenant: string | undefined | null): TenantId {
  if (!tenant) return DEFAULT_TENANT_ID;
  if (!isValidTenantId(tenant)) throw new BadInputError('tenant must be a tenant id', { field: 'tenant' });
  return asTenantId(tenant);
}

/**
 * The public, rate-limited account flows: self-registration, email verification, password reset.
 * Their services write the audit entries (nobody is authenticated to attribute generic ones to).
 */
@Public()
@UseGuards(AuthRateLimitGuard)
@Resolver()
export class AccountRecoveryResolver {
  constructor(
    private readonly passwordReset: PasswordResetService,
    private readonly registration: RegistrationService,
  ) {}

  @AuditedInService()
  @Mutation(() => Boolean, {
    description: 'Emails a single-use reset link if the account exists; always true',
  })
  async requestPasswordReset(
    @Args('email') email: string,
    @Args('tenant', { nullable: true, type: () => String }) tenant?: string,
  ): Promise<boolean> {
    await this.passwordReset.request(tenantOf(tenant), email);
    return true;
  }

  @AuditedInService()
  @Mutation(() => Boolean)
  async resetPassword(
    @Args('token') token: string,
    @Args('newPassword') newPassword: string,
    @Args('tenant', { nullable: true, type: () => String }) tenant?: string,
  ): Promise<boolean> {
    await this.passwordReset.reset(tenantOf(tenant), token, newPassword);
    return true;
  }

  @AuditedInService()
  @Mutation(() => Boolean, {
    description: 'Self-registration, when the tenant allows it; emails a verification link',
  })
  async register(@Args('input') input: RegisterInput): Promise<boolean> {
    await this.registration.register(tenantOf(input.tenant), input);
    return true;
  }

  @AuditedInService()
  @Mutation(() => Boolean)
  async verifyEmail(
    @Args('token') token: string,
    @Args('tenant', { nullable: true, type: () => String }) tenant?: string,
  ): Promise<boolean> {
    await this.registration.verifyEmail(tenantOf(tenant), token);
    return true;
  }
}
