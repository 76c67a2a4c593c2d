import type { Client, GraphQLRequest, OperationResult } from '@urql/core';
import type { DocumentNode } from 'graphql';
import { fromValue, makeSubject, never, type Subject } from 'wonka';

type Answer = (variables: Record<string, unknown>) => unknown;

function nameOf(query: DocumentNode): string {
  const [name] = query.definitions.flatMap((definition) =>
    'name' in definition && definition.name ? [definition.name.value] : [],
  );
  return name;
}

function resultOf(request: GraphQLRequest, kind: string, data: unknown): OperationResult {
  const operation = { ...request, kind, context: {} };
  return { operation, data, stale: false, hasNext: false } as unknown as OperationResult;
}

/**
 * A stand-in for the urql client in component tests (urql's hooks support mocks without an exchange
 * pipeline): queries answered from `answers` by operation name, subscriptions fed by the test through
 * `push`. It records the queries it was asked, with their variables.
 */
export function fakeGraphQLClient(answers: Record<string, Answer>) {
  const subscriptions = new Map<string, { request: GraphQLRequest; subject: Subject<OperationResult> }>();
  const asked: { name: string; variables: Record<string, unknown> }[] = [];
  const client = {
    executeQuery(request: GraphQLRequest) {
      const name = nameOf(request.query);
      const variables = (request.variables ?? {}) as Record<string, unknown>;
      asked.push({ name, variables });
      const answer = answers[name];
      return answer ? fromValue(resultOf(request, 'query', answer(variables))) : never;
    },
    executeSubscription(request: GraphQLRequest) {
      const subject = makeSubject<OperationResult>();
      subscriptions.set(nameOf(request.query), { request, subject });
      return subject.source;
    },
    executeMutation: () => never,
  };
  return {
    client: client as unknown as Client,
    asked,
    push(subscription: string, data: unknown) {
      const active = subscriptions.get(subscription);
      if (!active) throw new Error(`No ${subscription} subscription is open`);
      active.subject.next(resultOf(active.request, 'subscription', data));
    },
  };
}
