import { subject } from '@casl/ability';
import { Action, AppAbility, SubjectType } from './ability';

/**
 * Whether `ability` allows `action` on this one object (its conditions checked against the object's
 * fields, e.g. `{ userId }`), optionally on one `field`. Null-safe for public operations (no ability).
 */
export function canOn(
  ability: AppAbility | undefined,
  action: Action,
  type: SubjectType,
  object: object,
  field?: string,
): boolean {
  return (
    ability?.can(action, subject(type, { ...object }) as unknown as Record<string, unknown>, field) ?? false
  );
}

/** The `canUpdate` / `canDelete` flags GraphQL objects carry for the caller (frontends show or hide buttons). */
export interface ObjectPermissions {
  canUpdate: boolean;
  canDelete: boolean;
}

export function objectPermissions(
  ability: AppAbility | undefined,
  type: SubjectType,
  object: object,
): ObjectPermissions {
  return {
    canUpdate: canOn(ability, 'update', type, object),
    canDelete: canOn(ability, 'delete', type, object),
  };
}
