import { TenantId } from '@csms/common';
import { RoamingProtocol } from '../partners/roaming-partner';

/**
 * PENDING: to be delivered (now or after a back-off). DELIVERED: the partner took it. REJECTED: the
 * partner refused it (a client error): reported, never retried by itself. FAILED: the partner could not
 * be reached for ROAMING_OUTBOX_MAX_AGE_HOURS. CANCELLED: the partner was unregistered first.
 */
export type OutboxStatus = 'PENDING' | 'DELIVERED' | 'REJECTED' | 'FAILED' | 'CANCELLED';

/**
 * One push to one partner. The payload is a protocol-neutral snapshot of the object; the partner's
 * protocol renders it (in the partner's current version) when it is delivered. Messages with the same
 * `objectKey` are delivered in order, one after the other.
 */
export interface OutboxMessage<P = unknown> {
  id: string;
  tenantId: TenantId;
  partnerId: string;
  protocol: RoamingProtocol;
  /** The ordering scope, e.g. `location:<siteId>`, `session:<transactionId>`. */
  objectKey: string;
  /** What it is, e.g. `location.put`, `evse.status`, `session.patch`, `cdr.post`, `command.result`. */
  kind: string;
  payload: P;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  lastAttemptAt?: Date;
  finishedAt?: Date;
  lastError?: string;
  lastHttpStatus?: number;
  lastProtocolStatus?: number;
}

export interface NewOutboxMessage<P = unknown> {
  objectKey: string;
  kind: string;
  payload: P;
}
