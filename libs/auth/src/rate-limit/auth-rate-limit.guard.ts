import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import { requestOf } from '../guards/request-of';

/**
 * Rate limit for the credential endpoints (login, registration, password reset), applied with
 * `@UseGuards(AuthRateLimitGuard)`: two throttlers, per client IP and per account (see auth-throttlers).
 */
@Injectable()
export class AuthRateLimitGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext): {
    req: Record<string, unknown>;
    res: Record<string, unknown>;
  } {
    const req = requestOf(context) as unknown as Record<string, unknown>;
    return { req, res: {} };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return clientIp(req);
  }
}

export function clientIp(req: Record<string, unknown>): string {
  return typeof req.ip === 'string' ? req.ip : 'unknown';
}

/** The account an auth operation targets: `tenant` + `email` arguments, or the single-use token. */
export function accountTracker(req: Record<string, unknown>, context: ExecutionContext): string {
  if (context.getType<GqlContextType>() !== 'graphql') return clientIp(req);
  const args = GqlExecutionContext.create(context).getArgs<Record<string, unknown>>();
  const input =
    typeof args.input === 'object' && args.input !== null ? (args.input as Record<string, unknown>) : args;
  const tenant = typeof input.tenant === 'string' ? input.tenant : 'default';
  if (typeof input.email === 'string') return `${tenant}:${input.email.trim().toLowerCase()}`;
  if (typeof input.token === 'string') return `token:${input.token}`;
  return clientIp(req);
}
