import { subject } from '@casl/ability';
import { asTenantId } from '@csms/common';
import { Principal } from '../principal';
import { Role } from '../role';
import { AbilityFactory } from './ability.factory';
import { accessibleQuery } from './accessible-query';

const principal = (role: Role): Principal => ({
  userId: 'u1',
  tenantId: asTenantId('default'),
  role,
  email: 'x@example.com',
});

describe('AbilityFactory', () => {
  const factory = new AbilityFactory();

  it('lets admins command stations and basic users only read them', () => {
    expect(factory.createFor(principal(Role.ADMIN)).can('command', 'ChargingStation')).toBe(true);
    expect(factory.createFor(principal(Role.BASIC)).can('command', 'ChargingStation')).toBe(false);
    expect(factory.createFor(principal(Role.BASIC)).can('read', 'ChargingStation')).toBe(true);
  });

  it('limits basic users to their own sessions, checked on objects and as a query', () => {
    const ability = factory.createFor(principal(Role.BASIC));
    expect(ability.can('read', subject('Transaction', { userId: 'u1' }) as never)).toBe(true);
    expect(ability.can('read', subject('Transaction', { userId: 'u2' }) as never)).toBe(false);
    expect(accessibleQuery(ability, 'list', 'Transaction')).toEqual({ $or: [{ userId: 'u1' }] });
  });

  it('gives admins an unfiltered query and refuses what a role may never do', () => {
    expect(accessibleQuery(factory.createFor(principal(Role.ADMIN)), 'list', 'Transaction')).toEqual({});
    expect(() => accessibleQuery(factory.createFor(principal(Role.DEMO)), 'list', 'User')).toThrow(/may not list User/);
  });

  it('reserves tenants to super admins', () => {
    expect(factory.createFor(principal(Role.SUPER_ADMIN)).can('create', 'Tenant')).toBe(true);
    expect(factory.createFor(principal(Role.ADMIN)).can('create', 'Tenant')).toBe(false);
  });
});
