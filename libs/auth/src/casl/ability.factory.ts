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
    switch (principal.role) {
      case Role.SUPER_ADMIN:
        can('manage', 'Tenant');
        can(['list', 'read', 'create', 'update', 'delete'], 'User');
        can(['list', 'read'], 'ChargingStation');
        can(['list', 'read'], 'OcppLog');
        cannot('delete', 'User', self);
        break;
      case Role.ADMIN:
        can(
          ['list', 'read', 'create', 'update', 'delete'],
          ['User', 'Tag', 'ChargingStation', 'Transaction'],
        );
        can('command', 'ChargingStation');
        can('stop', 'Transaction');
        can(['list', 'read'], 'OcppLog');
        // Admins run their tenant; super admins are out of their reach, and they cannot remove themselves.
        cannot(['create', 'update', 'delete'], 'User', { role: Role.SUPER_ADMIN });
        cannot('delete', 'User', self);
        break;
      case Role.BASIC:
        can('read', 'User', self);
        can('update', 'User', SELF_EDITABLE_USER_FIELDS, self);
        can(['list', 'read'], 'Tag', own);
        can(['list', 'read'], 'ChargingStation');
        can(['list', 'read'], 'Transaction', own);
        can('stop', 'Transaction', own);
        break;
      case Role.DEMO:
        // Users stay hidden: a demo user sees only itself; people on sessions are anonymized.
        can('read', 'User', self);
        can(['list', 'read'], 'ChargingStation');
        can(['list', 'read'], 'Transaction');
        break;
    }
    return build();
  }
}
