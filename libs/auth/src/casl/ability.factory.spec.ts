import { subject } from '@casl/ability';
import { asTenantId } from '@csms/common';
import { Principal } from '../principal';
import { Role } from '../role';
import { Action, SubjectType } from './ability';
import { AbilityFactory } from './ability.factory';
import { accessibleQuery } from './accessible-query';
import { canOn, objectPermissions } from './object-permissions';

const principal = (role: Role): Principal => ({
  userId: 'u1',
  tenantId: asTenantId('default'),
  role,
  email: 'x@example.com',
});

const factory = new AbilityFactory();
const abilityOf = (role: Role) => factory.createFor(principal(role));

/** [action, subject] → whether each role may do it at all (row conditions aside): the matrix. */
const MATRIX: [Action, SubjectType, Record<Role, boolean>][] = [
  ['list', 'User', { SUPER_ADMIN: true, ADMIN: true, BASIC: false, DEMO: false }],
  ['create', 'User', { SUPER_ADMIN: true, ADMIN: true, BASIC: false, DEMO: false }],
  ['update', 'User', { SUPER_ADMIN: true, ADMIN: true, BASIC: true, DEMO: false }],
  ['delete', 'User', { SUPER_ADMIN: true, ADMIN: true, BASIC: false, DEMO: false }],
  ['list', 'Tag', { SUPER_ADMIN: false, ADMIN: true, BASIC: true, DEMO: false }],
  ['create', 'Tag', { SUPER_ADMIN: false, ADMIN: true, BASIC: false, DEMO: false }],
  ['list', 'ChargingStation', { SUPER_ADMIN: true, ADMIN: true, BASIC: true, DEMO: true }],
  ['read', 'ChargingStation', { SUPER_ADMIN: true, ADMIN: true, BASIC: true, DEMO: true }],
  ['update', 'ChargingStation', { SUPER_ADMIN: false, ADMIN: true, BASIC: false, DEMO: false }],
  ['delete', 'ChargingStation', { SUPER_ADMIN: false, ADMIN: true, BASIC: false, DEMO: false }],
  ['command', 'ChargingStation', { SUPER_ADMIN: false, ADMIN: true, BASIC: false, DEMO: false }],
  ['start', 'ChargingStation', { SUPER_ADMIN: false, ADMIN: true, BASIC: true, DEMO: false }],
  ['list', 'Transaction', { SUPER_ADMIN: false, ADMIN: true, BASIC: true, DEMO: true }],
  ['stop', 'Transaction', { SUPER_ADMIN: false, ADMIN: true, BASIC: true, DEMO: false }],
  ['list', 'OcppLog', { SUPER_ADMIN: true, ADMIN: true, BASIC: false, DEMO: false }],
  ['create', 'Tenant', { SUPER_ADMIN: true, ADMIN: false, BASIC: false, DEMO: false }],
  ['update', 'Tenant', { SUPER_ADMIN: true, ADMIN: false, BASIC: false, DEMO: false }],
];

describe('AbilityFactory', () => {
  it.each(MATRIX)('%s %s follows the matrix', (action, type, allowed) => {
    for (const role of Object.values(Role)) {
      expect([role, abilityOf(role).can(action, type)]).toEqual([role, allowed[role]]);
    }
  });

  it('limits basic users to their own sessions and badges, checked on objects and as a query', () => {
    const ability = abilityOf(Role.BASIC);
    expect(ability.can('read', subject('Transaction', { userId: 'u1' }) as never)).toBe(true);
    expect(ability.can('read', subject('Transaction', { userId: 'u2' }) as never)).toBe(false);
    expect(accessibleQuery(ability, 'list', 'Transaction')).toEqual({ $or: [{ userId: 'u1' }] });
    expect(canOn(ability, 'read', 'Tag', { id: 'T', userId: 'u2' })).toBe(false);
    expect(accessibleQuery(ability, 'list', 'Tag', { id: 'tagId' })).toEqual({ $or: [{ userId: 'u1' }] });
  });

  it('lets basic users update their profile fields only', () => {
    const ability = abilityOf(Role.BASIC);
    const self = { id: 'u1', role: Role.BASIC };
    expect(canOn(ability, 'update', 'User', self, 'firstName')).toBe(true);
    expect(canOn(ability, 'update', 'User', self, 'notificationPreferences')).toBe(true);
    expect(canOn(ability, 'update', 'User', self, 'role')).toBe(false);
    expect(canOn(ability, 'update', 'User', self, 'status')).toBe(false);
    expect(canOn(ability, 'update', 'User', { id: 'u2' }, 'firstName')).toBe(false);
  });

  it('keeps super admins out of admins’ reach and stops anyone deleting themselves', () => {
    const admin = abilityOf(Role.ADMIN);
    expect(canOn(admin, 'create', 'User', { role: Role.SUPER_ADMIN })).toBe(false);
    expect(canOn(admin, 'update', 'User', { id: 'u9', role: Role.SUPER_ADMIN })).toBe(false);
    expect(objectPermissions(admin, 'User', { id: 'u9', role: Role.BASIC })).toEqual({
      canUpdate: true,
      canDelete: true,
    });
    expect(objectPermissions(admin, 'User', { id: 'u1', role: Role.ADMIN })).toEqual({
      canUpdate: true,
      canDelete: false,
    });
    expect(canOn(abilityOf(Role.SUPER_ADMIN), 'delete', 'User', { id: 'u1' })).toBe(false);
  });

  it('renames condition fields for storage, inverted rules included', () => {
    expect(accessibleQuery(abilityOf(Role.BASIC), 'read', 'User', { id: '_id' })).toEqual({
      $or: [{ _id: 'u1' }],
    });
    expect(accessibleQuery(abilityOf(Role.ADMIN), 'delete', 'User', { id: '_id' })).toEqual({
      $and: [{ $nor: [{ _id: 'u1' }] }, { $nor: [{ role: Role.SUPER_ADMIN }] }],
    });
  });

  it('gives admins an unfiltered query and refuses what a role may never do', () => {
    expect(accessibleQuery(abilityOf(Role.ADMIN), 'list', 'Transaction')).toEqual({});
    expect(() => accessibleQuery(abilityOf(Role.DEMO), 'list', 'User')).toThrow(/may not list User/);
  });

  it('answers false without an ability (public operations)', () => {
    expect(canOn(undefined, 'read', 'User', { id: 'u1' })).toBe(false);
  });
});
