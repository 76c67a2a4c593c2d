import { Request } from 'express';
import { Context as WsContext } from 'graphql-ws';
import { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';

/** What resolvers and guards see: `req` is the HTTP request, or for subscriptions one built from connectionParams. */
export interface GraphQLContext {
  req: Request | SubscriptionRequest;
}

export interface SubscriptionRequest {
  headers: { authorization?: string };
  /** The client's address, for API key use and the audit log. */
  ip?: string;
  user?: unknown;
}

/** What graphql-ws's `ws` adapter puts in `extra`: the socket and its upgrade request. */
export interface WsExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

function isWsContext(value: unknown): value is WsContext {
  return typeof value === 'object' && value !== null && 'connectionParams' in value && 'extra' in value;
}

/** Reads the bearer token of a graphql-ws connection from `connectionParams.authorization`. */
export function connectionAuthorization(context: WsContext): string | undefined {
  const authorization = context.connectionParams?.authorization;
  return typeof authorization === 'string' ? authorization : undefined;
}

/** The client's address of a graphql-ws connection. */
export function connectionIp(context: WsContext): string | undefined {
  return (context.extra as Partial<WsExtra> | undefined)?.request?.socket.remoteAddress;
}

/** A new request per graphql-ws operation, so that every operation is authenticated again. */
export function buildGraphQLContext(input: { req: Request } | WsContext): GraphQLContext {
  if (isWsContext(input)) {
    return { req: { headers: { authorization: connectionAuthorization(input) }, ip: connectionIp(input) } };
  }
  return { req: input.req };
}
