import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AppAbility } from '../casl/ability';
import { requestOf } from '../guards/request-of';

/** The caller's CASL ability, built once per request by AbilityGuard. */
export const CurrentAbility = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AppAbility =>
    (requestOf(context) as { ability?: AppAbility }).ability!,
);
