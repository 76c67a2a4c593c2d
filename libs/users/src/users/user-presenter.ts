import { AppAbility, canOn } from '@csms/auth';
import { User } from './models/user.model';

export const ANONYMIZED = 'anonymized';

/**
 * The user as `ability` may see it: in full when readable, otherwise without anything personal
 * (demo users looking at other people's sessions).
 */
export function presentUser(ability: AppAbility | undefined, user: User): User {
  if (canOn(ability, 'read', 'User', user)) return user;
  return {
    id: user.id,
    tenantId: user.tenantId,
    role: user.role,
    status: user.status,
    email: ANONYMIZED,
    disabledNotifications: [],
    failedLoginAttempts: 0,
    tokenVersion: 0,
  };
}
