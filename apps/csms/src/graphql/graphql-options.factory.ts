import { AuditedMutations } from '@csms/audit';
import { ConnectionAuthenticator, retryAfterHeaderPlugin } from '@csms/auth';
import { APP_CONFIG, AppConfig, formatGraphQLError } from '@csms/common';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { Inject, Injectable } from '@nestjs/common';
import { GqlOptionsFactory, GraphQLSchemaHost } from '@nestjs/graphql';
import { Context as WsContext } from 'graphql-ws';
import { graphqlLimitsOf, graphqlProtection, subscriptionLimits } from './graphql-armor';
import { WsExtra, buildGraphQLContext, connectionAuthorization, connectionIp } from './graphql-context';

export const GRAPHQL_PATH = '/graphql';

@Injectable()
export class GraphQLOptionsFactory implements GqlOptionsFactory<ApolloDriverConfig> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: ConnectionAuthenticator,
    private readonly auditedMutations: AuditedMutations,
    private readonly schemaHost: GraphQLSchemaHost,
  ) {}

  createGqlOptions(): ApolloDriverConfig {
    const limits = graphqlLimitsOf(this.config);
    const protection = graphqlProtection(limits);
    return {
      path: GRAPHQL_PATH,
      autoSchemaFile: true,
      sortSchema: true,
      // The offline explorer is served by GraphQLExplorerController; Apollo's landing page needs a CDN.
      playground: false,
      introspection: true,
      includeStacktraceInErrorResponses: false,
      formatError: formatGraphQLError,
      // GraphQL Armor: aliases, depth, cost, directives and tokens limited; no batched requests.
      validationRules: protection.validationRules,
      plugins: [...protection.plugins, retryAfterHeaderPlugin()],
      allowBatchedHttpRequests: protection.allowBatchedHttpRequests,
      parseOptions: protection.parseOptions,
      context: buildGraphQLContext,
      // Every mutation, of every module, gets its audit entry (libs/audit, docs/audit.md).
      transformSchema: (schema) => this.auditedMutations.wrap(schema),
      subscriptions: {
        'graphql-ws': {
          path: GRAPHQL_PATH,
          onSubscribe: subscriptionLimits(protection, () => this.schemaHost.schema),
          // Refuse the connection itself (close code 4403) rather than each operation when the token is bad.
          onConnect: (context: WsContext) =>
            this.connections.accept(
              connectionAuthorization(context),
              (context.extra as WsExtra).socket,
              connectionIp(context),
            ),
        },
      },
    };
  }
}
