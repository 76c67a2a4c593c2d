import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { Principal } from '../principal';
import { Role } from '../role';
import { AppAbility } from './ability';

/** What users may change on their own account; role and status stay with admins. */
export const SELF_EDITABLE_USER_FIELDS = [
  'firstName',
  'lastName',
  'phone',
  'locale',
  'notificationPreferences',
];

/**
 * The one place where roles become permissions (Open e-Mobility's matrix as the floor). Conditions
 * are MongoDB queries on the domain objects, so the same rules check single objects, filter
 * database queries (see accessibleQuery) and restrict fields (see permittedFieldsOf).
 */
@Injectable()
export class AbilityFactory {
  createFor(principal: Principal): AppAbility {
    const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    const self = { id: principal.userId };
    const own = { userId: principal.userId };
    // The car catalog is global: everyone picks their car from it; the platform's super admins curate it.
    can(['list', 'read'], 'CarModel');
    switch (principal.role) {
      case Role.SUPER_ADMIN:
        can('manage', 'Tenant');
        can(['create', 'update'], 'CarModel');
        can(['list', 'read', 'create', 'update', 'delete'], 'User');
        can(['list', 'read'], 'ChargingStation');
        can(['list', 'read'], 'OcppLog');
        can(['list', 'read'], ['Company', 'Site', 'SiteArea', 'Asset']);
        // Station templates are global (hardware, not tenants' data): the platform's super admins curate them.
        can(['list', 'read', 'create', 'update', 'delete'], 'StationTemplate');
        can(['list', 'read', 'create', 'update'], 'ApiKey');
        // Their part of the audit log is tenant management: what super admins did, and tenants' changes.
        can(['list', 'read'], 'AuditEntry', { actorRole: Role.SUPER_ADMIN });
        can(['list', 'read'], 'AuditEntry', { targetType: 'Tenant' });
        cannot('delete', 'User', self);
        break;
      case Role.ADMIN:
        can(
          ['list', 'read', 'create', 'update', 'delete'],
          ['User', 'Tag', 'ChargingStation', 'Transaction'],
        );
        can(['command', 'start'], 'ChargingStation');
        can('stop', 'Transaction');
        can('list', 'Statistics');
        can(['list', 'read'], 'OcppLog');
        can(
          ['list', 'read', 'create', 'update', 'delete'],
          ['Company', 'Site', 'SiteArea', 'RegistrationToken', 'Asset', 'Car'],
        );
        // Pricing: tariffs, where they apply and to whom, and the tenant's pricing settings.
        can(
          ['list', 'read', 'create', 'update', 'delete'],
          ['Tariff', 'TariffAssignment', 'UserGroup', 'PricingSettings'],
        );
        // Billing: the tenant's settings, every user's payment methods and invoices, Connect accounts.
        can(
          ['list', 'read', 'create', 'update', 'delete'],
          ['BillingSettings', 'BillingAccount', 'Invoice', 'ConnectedAccount'],
        );
        // Refunds: the tenant's Concur settings and everyone's reports; their own sessions, like drivers.
        can(['read', 'update'], 'RefundSettings');
        // The tenant's car-data connector (drivers connect their own account to it).
        can(['read', 'update'], 'CarConnectorSettings');
        can(['list', 'read'], 'Refund');
        can('create', 'Refund', own);
        // Tenant admins see which template configures their stations, but cannot change them.
        can(['list', 'read'], 'StationTemplate');
        // Roaming: partners and their traffic; partners' stations and the sessions there.
        can(['list', 'read', 'create', 'update', 'delete'], 'RoamingPartner');
        can(['list', 'read', 'command'], 'RoamingLocation');
        can(['list', 'read', 'stop'], 'RoamingSession');
        // Keys for integrations (revoking one is an update), and the log of who did what in the tenant.
        can(['list', 'read', 'create', 'update'], 'ApiKey');
        can(['list', 'read'], 'AuditEntry');
        // Admins run their tenant; super admins are out of their reach, and they cannot remove themselves.
        cannot(['create', 'update', 'delete'], 'User', { role: Role.SUPER_ADMIN });
        cannot('delete', 'User', self);
        break;
      case Role.BASIC:
        can('read', 'User', self);
        can('update', 'User', SELF_EDITABLE_USER_FIELDS, self);
        can(['list', 'read'], 'Tag', own);
        can(['list', 'read'], 'Transaction', own);
        can('stop', 'Transaction', own);
        // The tariff that applies to them (resolution and estimates), not the tenant's list of tariffs.
        can('read', 'Tariff');
        can('list', 'Statistics', own);
        can(['list', 'read', 'create', 'update', 'delete'], 'Car', own);
        // Their own payment methods and invoices.
        can(['read', 'create', 'update', 'delete'], 'BillingAccount', own);
        can(['list', 'read'], 'Invoice', own);
        // Their own sessions claimed back through Concur, and the reports.
        can(['list', 'read', 'create'], 'Refund', own);
        // Operators' names and public sites are what any driver is shown next to a station.
        can(['list', 'read'], 'Company');
        can(['list', 'read'], 'Site', { public: true });
        // Partners' stations are where drivers roam to: shown to all, started and stopped with their own badges.
        can(['list', 'read', 'command'], 'RoamingLocation');
        can(['list', 'read', 'stop'], 'RoamingSession', own);
        grantSiteRoles(can, principal);
        break;
      case Role.DEMO:
        // Users stay hidden: a demo user sees only itself; people on sessions are anonymized.
        can('read', 'User', self);
        can(['list', 'read'], 'ChargingStation');
        can(['list', 'read'], 'Transaction');
        can('list', 'Statistics');
        can(['list', 'read'], ['Company', 'Site', 'SiteArea', 'Asset']);
        can(['list', 'read'], 'RoamingLocation');
        can(['list', 'read'], ['Tariff', 'TariffAssignment']);
        break;
    }
    return build();
  }
}

/**
 * A basic user without site roles lists every station (to find where to charge). With site roles its
 * console is its sites: the stations, sessions and site areas of the sites it administers or owns,
 * plus its own sessions. Site admins also update and command those stations, stop their sessions and
 * manage their site areas; site owners only read.
 */
function grantSiteRoles(can: AbilityBuilder<AppAbility>['can'], principal: Principal): void {
  const administered = principal.siteAdminSiteIds ?? [];
  const sites = [...new Set([...administered, ...(principal.siteOwnerSiteIds ?? [])])];
  // A driver may start a session, with one of its own badges, wherever it may see the station.
  if (sites.length === 0) {
    can(['list', 'read', 'start'], 'ChargingStation');
    return;
  }
  const administeredStations = principal.siteAdminStationIds ?? [];
  const stations = [...new Set([...administeredStations, ...(principal.siteOwnerStationIds ?? [])])];
  can(['list', 'read'], 'Site', { id: { $in: sites } });
  can(['list', 'read'], ['SiteArea', 'Asset'], { siteId: { $in: sites } });
  can(['list', 'read', 'start'], 'ChargingStation', { siteId: { $in: sites } });
  can(['list', 'read'], 'Transaction', { chargingStationId: { $in: stations } });
  // Statistics remember where each session was: the sites' sessions, whichever station they used then.
  can('list', 'Statistics', { siteId: { $in: sites } });
  if (administered.length === 0) return;
  can(['create', 'update', 'delete'], ['SiteArea', 'Asset'], { siteId: { $in: administered } });
  can(['update', 'command'], 'ChargingStation', { siteId: { $in: administered } });
  can('stop', 'Transaction', { chargingStationId: { $in: administeredStations } });
}
