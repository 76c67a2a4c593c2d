import { DomainEvent } from '@csms/events';
import { Consumption } from '../models/consumption.model';
import { Transaction } from '../models/transaction.model';

export const TRANSACTION_STARTED = 'TransactionStarted';
export const TRANSACTION_UPDATED = 'TransactionUpdated';
export const TRANSACTION_STOPPED = 'TransactionStopped';
export const CONSUMPTION_ADDED = 'ConsumptionAdded';

/** Started, updated (new meter values) and stopped all carry the transaction as GraphQL shows it. */
export type TransactionEvent = DomainEvent<
  typeof TRANSACTION_STARTED | typeof TRANSACTION_UPDATED | typeof TRANSACTION_STOPPED,
  Transaction
>;

export interface ConsumptionAddedPayload {
  transactionId: string;
  chargingStationId: string;
  connectorId: number;
  userId?: string;
  consumption: Consumption;
}

export type ConsumptionAddedEvent = DomainEvent<typeof CONSUMPTION_ADDED, ConsumptionAddedPayload>;

export const UNKNOWN_TAG_PRESENTED = 'UnknownTagPresented';

/** A station asked about a badge the tenant does not know (Authorize, StartTransaction). */
export type UnknownTagPresentedEvent = DomainEvent<
  typeof UNKNOWN_TAG_PRESENTED,
  { chargingStationId: string; tagId: string; presentedAt: Date }
>;
