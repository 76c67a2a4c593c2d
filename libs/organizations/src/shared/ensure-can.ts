import { Action, AppAbility, SubjectType, canOn } from '@csms/auth';
import { ForbiddenError } from '@csms/common';

/** Throws FORBIDDEN unless `ability` allows `action` on this very object (row-level check). */
export function ensureCan(ability: AppAbility, action: Action, type: SubjectType, object: object): void {
  if (!canOn(ability, action, type, object)) throw new ForbiddenError(`You may not ${action} this ${type}`);
}
