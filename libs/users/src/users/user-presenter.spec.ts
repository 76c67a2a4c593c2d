import { AbilityFactory, Role } from '@csms/auth';
import { asTenantId } from '@csms/common';
import { User } from './models/user.model';
import { UserStatus } from './models/user-status';
import { ANONYMIZED, presentUser } from './user-presenter';

const user = (id: string): User => ({
  id,
  tenantId: 'default',
  email: `${id}@example.com`,
  role: Role.BASIC,
  firstName: 'Ana',
  lastName: 'Lima',
  phone: '+351 912 345 678',
  status: UserStatus.ACTIVE,
  disabledNotifications: [],
  failedLoginAttempts: 0,
  tokenVersion: 3,
});

const abilityOf = (role: Role) =>
  new AbilityFactory().createFor({
    userId: 'me',
    tenantId: asTenantId('default'),
    role,
    email: 'me@example.com',
  });

describe('presentUser', () => {
  it('shows demo users other people anonymized, and themselves in full', () => {
    const demo = abilityOf(Role.DEMO);
    expect(presentUser(demo, user('other'))).toEqual({
      id: 'other',
      tenantId: 'default',
      role: Role.BASIC,
      status: UserStatus.ACTIVE,
      email: ANONYMIZED,
      disabledNotifications: [],
      failedLoginAttempts: 0,
      tokenVersion: 0,
    });
    expect(presentUser(demo, user('me')).email).toBe('me@example.com');
  });

  it('shows admins everyone in full', () => {
    expect(presentUser(abilityOf(Role.ADMIN), user('other'))).toEqual(user('other'));
  });
});
