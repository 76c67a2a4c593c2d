import { Controller, Get } from '@nestjs/common';
import { CurrentPrincipal } from './decorators/current-principal.decorator';
import { ApiKeyIdentity, Principal } from './principal';
import { Role } from './role';

export interface WhoAmI {
  tenantId: string;
  role: Role;
  /** A person's user id, or the API key's id. */
  id: string;
  email?: string;
  apiKey?: ApiKeyIdentity;
}

/**
 * `GET /auth/whoami`: who the bearer token (a JWT or an API key) stands for. Integrators check their
 * key with it; like every HTTP route, it goes through the global guards (and a key's rate limit).
 */
@Controller('auth')
export class WhoAmIController {
  @Get('whoami')
  whoami(@CurrentPrincipal() principal: Principal): WhoAmI {
    return {
      tenantId: principal.tenantId,
      role: principal.role,
      id: principal.userId,
      email: principal.email,
      apiKey: principal.apiKey,
    };
  }
}
