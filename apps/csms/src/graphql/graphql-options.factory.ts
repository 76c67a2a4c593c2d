import { TokenService } from '@csms/auth';
import { APP_CONFIG, AppConfig, formatGraphQLError } from '@csms/common';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { Inject, Injectable } from '@nestjs/common';
import { GqlOptionsFactory, GraphQLSchemaHost } from '@nestjs/graphql';
import { Context as WsContext } from 'graphql-ws';
import { graphqlLimitsOf, graphqlProtection, subscriptionLimits } from './graphql-armor';
import { buildGraphQLContext, connectionAuthorization } from './graphql-context';

export const GRAPHQL_PATH = '/graphql';

@Injectable()
export class GraphQLOptionsFactory implements GqlOptionsFactory<ApolloDriverConfig> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
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
      plugins: protection.plugins,
      allowBatchedHttpRequests: protection.allowBatchedHttpRequests,
      context: buildGraphQLContext,
      subscriptions: {
        'graphql-ws': {
          path: GRAPHQL_PATH,
          onSubscribe: subscriptionLimits(limits, protection, () => this.schemaHost.schema),
          // Refuse the connection itself (close code 4403) rather than each operation when the token is bad.
          onConnect: async (context: WsContext) => {
            const token = connectionAuthorization(context)?.replace(/^Bearer\s+/i, '');
            return token ? (await this.tokens.verify(token)) !== null : false;
          },
        },
      },
    };
  }
}
