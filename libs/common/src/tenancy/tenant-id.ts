/**
 * A tenant id that has been through authentication or the OCPP URL. Repositories take it first in
 * every method, so a query without a tenant does not type-check.
 */
export type TenantId = string & { readonly __brand: 'TenantId' };

export const DEFAULT_TENANT_ID = 'default' as TenantId;

const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isValidTenantId(value: string): boolean {
  return TENANT_ID_PATTERN.test(value);
}

/** The one place a plain string becomes a TenantId. */
export function asTenantId(value: string): TenantId {
  if (!isValidTenantId(value)) throw new Error(`Invalid tenant id "${value}"`);
  return value as TenantId;
}
