import { TenantId } from '@csms/common';

export interface PrerequisiteQuery {
  stationId: string;
  tagId: string;
  /** The badge's owner; absent for a badge of nobody. */
  userId?: string;
  /** An Authorize, or the start of a session. */
  purpose: 'authorize' | 'start';
}

/**
 * What a known, valid badge must also satisfy to charge (implemented by billing: a way to pay).
 * Consulted only for badges the tenant knows and accepts; roaming partners' tokens never get here.
 */
export abstract class SessionPrerequisites {
  /** Null when the driver may charge; otherwise the reason, for the message log and the driver. */
  abstract refusal(tenantId: TenantId, query: PrerequisiteQuery): Promise<string | null>;
}
