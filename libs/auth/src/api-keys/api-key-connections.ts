import { EventBus, Unsubscribe } from '@csms/events';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { API_KEY_REVOKED, ApiKeyRevokedEvent } from './api-key.events';
import { ApiKey } from './models/api-key.model';

/** The part of a `ws` WebSocket this registry uses. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** graphql-ws's close code for a refused connection, also used when a key stops being valid. */
export const FORBIDDEN_CLOSE_CODE = 4403;

/** setTimeout's longest delay (about 24.8 days); a later expiry is caught by the per-operation check. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The graphql-ws connections opened with an API key on this instance: closed when the key is
 * revoked (the event reaches every instance through the bus) or expires, so that live
 * subscriptions stop at once too; each new operation is checked by the guard anyway.
 */
@Injectable()
export class ApiKeyConnections implements OnModuleInit, OnModuleDestroy {
  private readonly sockets = new Map<string, Set<ClosableSocket>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private unsubscribe?: Unsubscribe;

  constructor(private readonly events: EventBus) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe<ApiKeyRevokedEvent>(API_KEY_REVOKED, (event) =>
      this.closeAll(event.payload.apiKeyId, 'API key revoked'),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.timers.forEach((timer) => clearTimeout(timer));
  }

  track(key: Pick<ApiKey, 'id' | 'expiresAt'>, socket: ClosableSocket): void {
    const sockets = this.sockets.get(key.id) ?? new Set<ClosableSocket>();
    this.sockets.set(key.id, sockets);
    sockets.add(socket);
    const untilExpiry = key.expiresAt ? key.expiresAt.getTime() - Date.now() : Infinity;
    const timer =
      untilExpiry <= MAX_TIMER_MS
        ? setTimeout(() => socket.close(FORBIDDEN_CLOSE_CODE, 'API key expired'), untilExpiry).unref()
        : undefined;
    if (timer) this.timers.add(timer);
    socket.once('close', () => {
      if (timer) {
        clearTimeout(timer);
        this.timers.delete(timer);
      }
      sockets.delete(socket);
      if (sockets.size === 0) this.sockets.delete(key.id);
    });
  }

  /** Open connections of a key on this instance. */
  count(apiKeyId: string): number {
    return this.sockets.get(apiKeyId)?.size ?? 0;
  }

  private closeAll(apiKeyId: string, reason: string): void {
    for (const socket of this.sockets.get(apiKeyId) ?? []) socket.close(FORBIDDEN_CLOSE_CODE, reason);
  }
}
