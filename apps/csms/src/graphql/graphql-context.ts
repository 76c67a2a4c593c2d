import { Request } from 'express';
import { Context as WsContext } from 'graphql-ws';

/** What resolvers and guards see: `req` is the HTTP request, or for subscriptions one built from connectionParams. */
export interface GraphQLContext {
  req: Request | SubscriptionRequest;
}

export interface SubscriptionRequest {
  headers: { authorization?: string };
  user?: unknown;
}

function isWsContext(value: unknown): value is WsContext {
  return typeof value === 'object' && value !== null && 'connectionParams' in value && 'extra' in value;
}

/** Reads the bearer token of a graphql-ws connection from `connectionParams.authorization`. */
export function connectionAuthorization(context: WsContext): string | undefined {
  const authorization = context.connectionParams?.authorization;
  return typeof authorization === 'string' ? authorization : undefined;
}

export function buildGraphQLContext(input: { req: Request } | WsContext): GraphQLContext {
  if (isWsContext(input)) return { req: { headers: { authorization: connectionAuthorization(input) } } };
  return { req: input.req };
}
