import { OcppCallRef, TenantId } from '@csms/common';

/** ok: done; refused: not allowed or not valid (nothing changed); failed: tried, and it went wrong. */
export enum AuditOutcome {
  OK = 'ok',
  REFUSED = 'refused',
  FAILED = 'failed',
}

export enum AuditActorType {
  USER = 'USER',
  API_KEY = 'API_KEY',
}

/** Who acted: a user or an API key; only a label when nobody was authenticated (a failed login). */
export interface AuditActor {
  type?: AuditActorType;
  id?: string;
  label: string;
  role?: string;
}

/** An entry as its writer describes it; `at` and `ip` default to now and the operation's client. */
export interface NewAuditEntry {
  tenantId: TenantId;
  action: string;
  outcome: AuditOutcome;
  /** The contract error code of a refusal or failure. */
  errorCode?: string;
  actor?: AuditActor;
  targetType?: string;
  targetId?: string;
  /** What the action changed or asked for; secrets are redacted before it is stored. */
  changes?: Record<string, unknown>;
  /** The OCPP calls it sent to stations, as the OCPP message log records them. */
  ocppCalls?: OcppCallRef[];
  ip?: string;
  at?: Date;
}

/** An entry as stored (append-only), the actor flattened so that it can be searched by. */
export interface AuditRecord extends Omit<NewAuditEntry, 'at' | 'actor'> {
  _id: string;
  at: Date;
  actorType?: AuditActorType;
  actorId?: string;
  actorLabel?: string;
  actorRole?: string;
}
