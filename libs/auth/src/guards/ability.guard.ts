import { ForbiddenError } from '@csms/common';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppAbility } from '../casl/ability';
import { AbilityFactory } from '../casl/ability.factory';
import { REQUIRED_ABILITY, RequiredAbility } from '../casl/check-ability.decorator';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { Principal } from '../principal';
import { requestOf } from './request-of';

/**
 * Global guard after authentication: builds the caller's ability once per request, and refuses
 * resolvers whose @CheckAbility the role does not allow. A guarded resolver without @CheckAbility
 * is allowed to any authenticated caller (e.g. `me`).
 */
@Injectable()
export class AbilityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly abilities: AbilityFactory,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = requestOf(context) as ReturnType<typeof requestOf> & { ability?: AppAbility };
    request.ability ??= this.abilities.createFor(request.user as Principal);
    const required = this.reflector.get<RequiredAbility | undefined>(REQUIRED_ABILITY, context.getHandler());
    if (required && !request.ability.can(required.action, required.subject)) {
      throw new ForbiddenError(`Your role may not ${required.action} ${required.subject}`);
    }
    return true;
  }
}
