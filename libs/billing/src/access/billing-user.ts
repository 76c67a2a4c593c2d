import { AppAbility, Principal, canOn } from '@csms/auth';
import { ForbiddenError } from '@csms/common';
import { Action } from '@csms/auth';

/**
 * Whose billing an operation is about: the caller's own unless an admin names someone (`userId`);
 * CASL decides (drivers may act on their own account only).
 */
export function billingUserOf(
  principal: Principal,
  ability: AppAbility,
  action: Action,
  userId: string | undefined,
): string {
  const target = userId ?? principal.userId;
  if (!canOn(ability, action, 'BillingAccount', { userId: target })) {
    throw new ForbiddenError(`You may not ${action} the billing account of user ${target}`);
  }
  return target;
}
