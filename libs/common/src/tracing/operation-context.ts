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
let inProgress = 0;

/**
 * Runs `work` as one operation; everything it awaits sees the same context. On Node 20 an enabled
 * AsyncLocalStorage hooks every promise the process makes (a fifth of the CPU of the meter-value
 * path), so the storage is enabled only while an operation runs and disabled when the last one ends.
 */
export function runOperation<T>(context: OperationContext, work: () => Promise<T>): Promise<T> {
  inProgress += 1;
  let running: Promise<T>;
  try {
    running = storage.run(context, work);
  } catch (error) {
    operationEnded();
    throw error;
  }
  return running.finally(operationEnded);
}

function operationEnded(): void {
  inProgress -= 1;
  if (inProgress === 0) storage.disable();
}

export function currentOperation(): OperationContext | undefined {
  return storage.getStore();
}

/** Called by the OCPP edge for each CALL it sends; a no-op outside an operation. */
export function noteOcppCall(call: OcppCallRef): void {
  storage.getStore()?.ocppCalls.push(call);
}
