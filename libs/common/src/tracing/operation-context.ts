import { AsyncLocalStorage } from 'node:async_hooks';

/** One OCPP call an operation caused: the CALL's message id, as the OCPP message log records it. */
export interface OcppCallRef {
  chargingStationId: string;
  action: string;
  messageId: string;
}

/**
 * What deeper layers note about the API operation in progress, for the record kept of it (the audit
 * log): the client's address, and the OCPP calls it sent to stations. Outside an operation (a
 * station's own traffic, a scheduled job) nothing is noted.
 */
export interface OperationContext {
  ip?: string;
  readonly ocppCalls: OcppCallRef[];
}

const storage = new AsyncLocalStorage<OperationContext>();

/** Runs `work` as one operation; everything it awaits sees the same context. */
export function runOperation<T>(context: OperationContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentOperation(): OperationContext | undefined {
  return storage.getStore();
}

/** Called by the OCPP edge for each CALL it sends; a no-op outside an operation. */
export function noteOcppCall(call: OcppCallRef): void {
  storage.getStore()?.ocppCalls.push(call);
}
