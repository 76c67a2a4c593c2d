import { TenantId } from '@csms/common';

/** A fact a module announces; every event belongs to one tenant. */
export interface DomainEvent<TType extends string = string, TPayload = unknown> {
  type: TType;
  tenantId: TenantId;
  payload: TPayload;
  /** Milliseconds since epoch at publication. */
  at: number;
}

export function domainEvent<TType extends string, TPayload>(
  type: TType,
  tenantId: TenantId,
  payload: TPayload,
): DomainEvent<TType, TPayload> {
  return { type, tenantId, payload, at: Date.now() };
}
