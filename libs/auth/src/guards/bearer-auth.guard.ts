import {
  APP_CONFIG,
  AppConfig,
  DATABASE_UNAVAILABLE_MESSAGE,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthenticatedError,
  asTenantId,
  isDatabaseUnavailable,
} from '@csms/common';
import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ApiKeyAuthenticator } from '../api-keys/api-key.authenticator';
import { looksLikeApiKey } from '../api-keys/api-key-secret';
import { ApiKeyRateLimiter } from '../api-keys/rate-limit/api-key-rate-limiter';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { Principal, RefusedApiKey } from '../principal';
import { bearerTokenOf } from './bearer-token';
import { requestOf } from './request-of';

/** What the guard leaves on the request: the caller, or the API key it refused. */
export type AuthenticatedRequest = ReturnType<typeof requestOf> & {
  user?: Principal;
  refusedApiKey?: RefusedApiKey;
};

/**
 * Global guard: every resolver and route needs a valid bearer token unless marked @Public(): a JWT
 * from `login` (passport-jwt), or an API key (`vg_live_…`), which also draws on the key's rate limit.
 * A request is authenticated once, however many root fields it has.
 */
@Injectable()
export class BearerAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly rateLimiter: ApiKeyRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = requestOf(context) as AuthenticatedRequest;
    if (request.user) return true;
    const token = bearerTokenOf(request.headers.authorization);
    if (token && looksLikeApiKey(token)) {
      request.user = await this.authenticateApiKey(token, request);
      return true;
    }
    return (await super.canActivate(context)) as boolean;
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // The token could not be checked against its user: the client is not at fault, and may retry.
    if (isDatabaseUnavailable(error)) throw new ServiceUnavailableError(DATABASE_UNAVAILABLE_MESSAGE);
    if (error || !user) throw new UnauthenticatedError('A valid bearer token is required');
    return user;
  }

  private async authenticateApiKey(secret: string, request: AuthenticatedRequest): Promise<Principal> {
    const authentication = await this.apiKeys.authenticate(secret, request.ip);
    if (authentication.refusal !== undefined) {
      const { key, refusal } = authentication;
      if (key) {
        request.refusedApiKey = {
          tenantId: asTenantId(key.tenantId),
          role: key.role,
          apiKey: { id: key.id, name: key.name, prefix: key.prefix },
          refusal,
        };
      }
      throw new UnauthenticatedError('This API key is unknown, revoked or expired');
    }
    const { key, principal } = authentication;
    const limit = key.ownRateLimitPerMinute ?? this.config.API_KEY_RATE_LIMIT_PER_MINUTE;
    const waitMs = await this.rateLimiter.admit(key.id, limit);
    if (waitMs > 0) {
      throw new TooManyRequestsError(`This API key may make ${limit} requests per minute`, waitMs);
    }
    return principal;
  }
}
