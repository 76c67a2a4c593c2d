import { AppConfig } from '@csms/common';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** How often Node looks for requests past their deadline (its default, 30 s, would let them linger). */
const DEADLINE_CHECK_MS = 1000;

/**
 * Slow and greedy clients: every request's headers (a WebSocket upgrade's included) must arrive
 * within HTTP_HEADERS_TIMEOUT_MS and its body (a SOAP POST, a GraphQL query) within
 * HTTP_REQUEST_TIMEOUT_MS, or it is answered 408 and its connection closed; an upgrade to a path
 * that no part of the server serves is refused at once (404) instead of holding its socket forever.
 */
export function guardAgainstSlowClients(
  server: Server,
  config: Pick<AppConfig, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS'>,
  upgradePaths: ((url: string) => boolean)[],
): void {
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  // A createServer() option that Node reads again when the server starts listening; its typings
  // only know the option.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    DEADLINE_CHECK_MS;
  server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
    if (upgradePaths.some((served) => served(request.url ?? ''))) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}
