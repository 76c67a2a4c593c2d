import { AppConfig } from '@csms/common';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema, parse, ParseOptions, validate, ValidationRule } from 'graphql';

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
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  allowBatchedHttpRequests: boolean;
}

/**
 * GraphQL Armor's protections with our limits: aliases, depth, estimated cost (list fields count
 * `first` times) and directives, plus masked field suggestions; tokens are counted by the parser. Refusals are reported as
 * validation errors (BAD_USER_INPUT for clients) and stop the operation before it runs.
 */
export function graphqlProtection(limits: GraphQLLimits): GraphQLProtection {
  return {
    ...new ApolloArmor({
      maxDepth: { n: limits.maxDepth },
      // Every field costs 1 and a list its literal `first` times its fields, as our own limit counted
      // before Armor: Armor's defaults (objects 2, ×1.5 per level) refused a page of 100 sessions.
      costLimit: { maxCost: limits.maxCost, objectCost: 1, scalarCost: 1, depthCostFactor: 1 },
      maxAliases: { n: limits.maxAliases },
      maxDirectives: { n: limits.maxDirectives },
      // Armor's token limit parses each operation again in a hook, from which every syntax error
      // escapes as an HTTP 500; graphql-js's parser counts the same tokens where Apollo parses (400).
      maxTokens: { enabled: false },
    }).protect(),
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

interface SubscribePayload {
  query: string;
}

/**
 * graphql-ws does not go through Apollo's validation: the same limits are checked when a
 * subscription starts. Returns the refusals, or nothing to let graphql-ws run its own validation.
 */
export function subscriptionLimits(
  protection: GraphQLProtection,
  schema: () => GraphQLSchema,
): (context: unknown, id: string, payload: SubscribePayload) => readonly GraphQLError[] | void {
  return (_context, _id, payload) => {
    let document;
    try {
      document = parse(payload.query, protection.parseOptions);
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('Unreadable operation')];
    }
    const errors = validate(schema(), document, protection.validationRules);
    return errors.length ? errors : undefined;
  };
}
