import { TenantId } from '@csms/common';
import { MeterValue } from '@csms/transactions/ports/transaction-inbound.port';
import { Injectable } from '@nestjs/common';
import { TransactionEventResponse } from './types/generated';

/** What the edge remembers of one 2.0.1 transaction between its TransactionEvents. */
export interface TrackedTransaction {
  readonly ocppTransactionId: string;
  connectorId: number;
  /** When the transaction began (the first event's timestamp: offline replays keep theirs). */
  readonly startedAt: Date;
  /** The domain knows the transaction (started on the first event carrying an idToken). */
  started: boolean;
  ended: boolean;
  lastRegisterWh?: number;
  /** Meter values sent before authorization, handed to the domain once it starts. */
  pending: MeterValue[];
  /** Highest seqNo seen, to notice gaps. */
  lastSeqNo: number;
  /** The answer given to each seqNo: a repeated event gets the same answer and no second effect. */
  readonly answers: Map<number, TransactionEventResponse>;
}

/** Enough for every transaction of a large site fleet; the oldest are forgotten first. */
const MAX_TRACKED = 50_000;

/**
 * Per-transaction state of 2.0.1 TransactionEvents, in memory (hot path: no database round-trip
 * to check a seqNo). After a restart it is empty: the domain's own idempotency (a repeated start
 * returns the same transaction, an unknown stop is accepted) covers the events in flight then.
 */
@Injectable()
export class V201TransactionTracker {
  private readonly transactions = new Map<string, TrackedTransaction>();

  private static key(tenantId: TenantId, stationId: string, ocppTransactionId: string): string {
    return `${tenantId}\u0000${stationId}\u0000${ocppTransactionId}`;
  }

  get(tenantId: TenantId, stationId: string, ocppTransactionId: string): TrackedTransaction | undefined {
    return this.transactions.get(V201TransactionTracker.key(tenantId, stationId, ocppTransactionId));
  }

  track(
    tenantId: TenantId,
    stationId: string,
    seed: Pick<TrackedTransaction, 'ocppTransactionId' | 'connectorId' | 'startedAt' | 'started'>,
  ): TrackedTransaction {
    const key = V201TransactionTracker.key(tenantId, stationId, seed.ocppTransactionId);
    const tracked: TrackedTransaction = {
      ...seed,
      ended: false,
      pending: [],
      lastSeqNo: -1,
      answers: new Map(),
    };
    this.transactions.set(key, tracked);
    if (this.transactions.size > MAX_TRACKED) {
      const oldest = this.transactions.keys().next().value;
      if (oldest !== undefined) this.transactions.delete(oldest);
    }
    return tracked;
  }

  get size(): number {
    return this.transactions.size;
  }
}
