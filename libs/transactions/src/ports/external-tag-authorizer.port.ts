import { TenantId } from '@csms/common';
import { IdTagInfo } from './transaction-inbound.port';

export interface ExternalAuthorizationRequest {
  stationId: string;
  idTag: string;
  /** Known at a session start; a 1.x Authorize has none. */
  connectorId?: number;
  /** An Authorize, or the start of a session. */
  purpose: 'authorize' | 'start';
}

/**
 * Decides on badges the tenant does not know itself, e.g. roaming partners' tokens (implemented by
 * the roaming module). Null: no external authority knows the badge either.
 */
export abstract class ExternalTagAuthorizer {
  abstract authorize(tenantId: TenantId, request: ExternalAuthorizationRequest): Promise<IdTagInfo | null>;
}
