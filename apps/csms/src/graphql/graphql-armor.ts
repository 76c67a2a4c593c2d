import { AppConfig } from '@csms/common';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema, parse, validate, ValidationRule } from 'graphql';

/** The limits every operation is held to before anything resolves (config: GRAPHQL_MAX_*). */
export interface GraphQLLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

export function graphqlLimitsOf(config: AppConfig): GraphQLLimits {
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxCost: config.GRAPHQL_MAX_COMPLEXITY,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
  };
}

export interface GraphQLProtection {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  allowBatchedHttpRequests: boolean;
}

/**
 * GraphQL Armor's protections with our limits: aliases, depth, estimated cost (list fields count
 * `first` times), directives and tokens, plus masked field suggestions. Refusals are reported as
 * validation errors (BAD_USER_INPUT for clients) and stop the operation before it runs.
 */
export function graphqlProtection(limits: GraphQLLimits): GraphQLProtection {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
  }).protect();
}

interface SubscribePayload {
  query: string;
}

/**
 * graphql-ws does not go through Apollo's validation: the same limits are checked when a
 * subscription starts. Returns the refusals, or nothing to let graphql-ws run its own validation.
 */
export function subscriptionLimits(
  limits: GraphQLLimits,
  protection: GraphQLProtection,
  schema: () => GraphQLSchema,
): (context: unknown, id: string, payload: SubscribePayload) => readonly GraphQLError[] | void {
  return (_context, _id, payload) => {
    let document;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (error) {
      if (!(error instanceof GraphQLError)) return [new GraphQLError('Unreadable operation')];
      // graphql-js words it its own way; say it as Armor does over HTTP.
      const tooLong = /tokens\. Parsing aborted/.test(error.message);
      return [
        tooLong ? new GraphQLError(`Syntax Error: Token limit of ${limits.maxTokens} exceeded.`) : error,
      ];
    }
    const errors = validate(schema(), document, protection.validationRules);
    return errors.length ? errors : undefined;
  };
}
