import { SetMetadata } from '@nestjs/common';
import { Action, Subject } from './ability';

export const REQUIRED_ABILITY = Symbol('requiredAbility');

export interface RequiredAbility {
  action: Action;
  subject: Subject;
}

/**
 * Declares what a resolver needs: the caller's role must allow `action` on at least some `subject`s.
 * Row-level conditions are then applied by the service through accessibleQuery or ability.can.
 */
export const CheckAbility = (action: Action, subject: Subject): MethodDecorator =>
  SetMetadata(REQUIRED_ABILITY, { action, subject } satisfies RequiredAbility);
