import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  ServiceUnavailableError,
  UnauthenticatedError,
} from '@csms/common';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { requestOf } from './request-of';

/** Global guard: every resolver and route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    return super.canActivate(context);
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
}
