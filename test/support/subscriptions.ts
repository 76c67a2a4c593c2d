import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<T> {
  /** Resolves with the next event, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** A real graphql-ws client over `ws`, authenticated with connectionParams.authorization. */
export function graphqlWsClient(wsUrl: string, authorization?: string): Client {
  return createClient({
    url: `${wsUrl}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: false,
  });
}

/** graphql-ws reports a closed socket as a CloseEvent; make it a readable Error. */
function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  const { code, reason } = (error ?? {}) as { code?: number; reason?: string };
  if (code !== undefined) return new Error(`Socket closed ${code} ${reason ?? ''}`.trim());
  return new Error(JSON.stringify(error));
}

/** Subscribes and buffers events so a test can await them one by one. */
export function subscribe<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Subscription<T> {
  const buffered: T[] = [];
  const waiters: { resolve: (value: T) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | undefined;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) {
          failure = new Error(JSON.stringify(result.errors));
          waiters.splice(0).forEach((waiter) => waiter.reject(failure!));
          return;
        }
        const value = result.data as T;
        const waiter = waiters.shift();
        if (waiter) waiter.resolve(value);
        else buffered.push(value);
      },
      error: (error: unknown) => {
        failure = toError(error);
        waiters.splice(0).forEach((waiter) => waiter.reject(failure!));
      },
      complete: () => undefined,
    },
  );
  return {
    next(timeoutMs = 10_000) {
      if (buffered.length) return Promise.resolve(buffered.shift()!);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No subscription event within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}
