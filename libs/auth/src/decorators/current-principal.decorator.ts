import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { requestOf } from '../guards/request-of';
import { Principal } from '../principal';

/** The authenticated caller; only on guarded resolvers, where it is always set. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => requestOf(context).user as Principal,
);
