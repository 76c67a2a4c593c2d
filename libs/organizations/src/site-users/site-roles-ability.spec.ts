import { subject } from '@casl/ability';
import { AbilityFactory, Principal, Role, accessibleQuery, canOn } from '@csms/auth';
import { asTenantId } from '@csms/common';

const basic = (roles: Partial<Principal> = {}): Principal => ({
  userId: 'u1',
  tenantId: asTenantId('default'),
  role: Role.BASIC,
  email: 'u1@example.com',
  ...roles,
});

const abilityOf = (principal: Principal) => new AbilityFactory().createFor(principal);

const SITE_ADMIN = basic({
  siteAdminSiteIds: ['s1'],
  siteOwnerSiteIds: ['s2'],
  siteAdminStationIds: ['CS-1'],
  siteOwnerStationIds: ['CS-2'],
});

describe('site roles in the ability factory', () => {
  it('scopes a site admin’s station list to its sites, as a database filter', () => {
    expect(accessibleQuery(abilityOf(SITE_ADMIN), 'list', 'ChargingStation')).toEqual({
      $or: [{ siteId: { $in: ['s1', 's2'] } }],
    });
    expect(accessibleQuery(abilityOf(basic()), 'list', 'ChargingStation')).toEqual({});
  });

  it('lets it command the stations of the sites it administers, not those it owns', () => {
    const ability = abilityOf(SITE_ADMIN);
    expect(canOn(ability, 'command', 'ChargingStation', { id: 'CS-1', siteId: 's1' })).toBe(true);
    expect(canOn(ability, 'read', 'ChargingStation', { id: 'CS-2', siteId: 's2' })).toBe(true);
    expect(canOn(ability, 'command', 'ChargingStation', { id: 'CS-2', siteId: 's2' })).toBe(false);
    expect(canOn(ability, 'read', 'ChargingStation', { id: 'CS-3' })).toBe(false);
    expect(canOn(abilityOf(basic()), 'command', 'ChargingStation', { id: 'CS-1', siteId: 's1' })).toBe(false);
  });

  it('adds the sessions of its sites’ stations to its own, stopping only on administered sites', () => {
    const ability = abilityOf(SITE_ADMIN);
    const session = (chargingStationId: string, userId = 'u9') =>
      subject('Transaction', { chargingStationId, userId }) as never;
    expect(ability.can('read', session('CS-2'))).toBe(true);
    expect(ability.can('read', session('CS-3'))).toBe(false);
    expect(ability.can('read', session('CS-3', 'u1'))).toBe(true);
    expect(ability.can('stop', session('CS-1'))).toBe(true);
    expect(ability.can('stop', session('CS-2'))).toBe(false);
  });

  it('shows basic users public sites, and site users their own', () => {
    expect(accessibleQuery(abilityOf(basic()), 'list', 'Site', { id: '_id' })).toEqual({
      $or: [{ public: true }],
    });
    expect(canOn(abilityOf(SITE_ADMIN), 'read', 'Site', { id: 's2', public: false })).toBe(true);
    expect(canOn(abilityOf(SITE_ADMIN), 'update', 'Site', { id: 's1' })).toBe(false);
    expect(canOn(abilityOf(SITE_ADMIN), 'update', 'SiteArea', { siteId: 's1' })).toBe(true);
    expect(canOn(abilityOf(SITE_ADMIN), 'update', 'SiteArea', { siteId: 's2' })).toBe(false);
  });

  it('keeps registration tokens with admins', () => {
    const admin = abilityOf({ ...basic(), role: Role.ADMIN });
    expect(admin.can('create', 'RegistrationToken')).toBe(true);
    expect(abilityOf(SITE_ADMIN).can('list', 'RegistrationToken')).toBe(false);
  });
});
