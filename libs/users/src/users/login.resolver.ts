import { AuditedInService } from '@csms/audit';
import { AuthRateLimitGuard, CurrentPrincipal, Principal, Public } from '@csms/auth';
import { DEFAULT_TENANT_ID, UnauthenticatedError, asTenantId, isValidTenantId } from '@csms/common';
import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthenticationService, INVALID_CREDENTIALS } from './authentication.service';
import { AuthPayload } from './models/auth-payload.model';

@Resolver()
export class LoginResolver {
  constructor(private readonly authentication: AuthenticationService) {}

  @Public()
  @AuditedInService()
  @UseGuards(AuthRateLimitGuard)
  @Mutation(() => AuthPayload, {
    description: 'Exchanges credentials for a bearer token (rate limited, locks after wrong passwords)',
  })
  login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Args('tenant', { nullable: true, type: () => String, description: 'Defaults to "default"' })
    tenant?: string,
  ): Promise<AuthPayload> {
    if (tenant !== undefined && tenant !== null && !isValidTenantId(tenant)) {
      throw new UnauthenticatedError(INVALID_CREDENTIALS);
    }
    return this.authentication.login(tenant ? asTenantId(tenant) : DEFAULT_TENANT_ID, email, password);
  }

  @Mutation(() => Boolean, { description: "Revokes every token of the caller's account" })
  logout(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    return this.authentication.logout(principal.tenantId, principal.userId);
  }

  @Mutation(() => AuthPayload, {
    description: 'Changes the password; other sessions are revoked, a new token is returned',
  })
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthPayload> {
    return this.authentication.changePassword(
      principal.tenantId,
      principal.userId,
      currentPassword,
      newPassword,
    );
  }
}
