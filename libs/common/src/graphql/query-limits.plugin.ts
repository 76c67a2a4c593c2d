import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { directiveEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors/error-codes';

/**
 * Refuses operations whose estimated cost exceeds the limit before anything resolves. List fields
 * count `first` times their children, so a deep page-of-pages query is expensive.
 */
export function queryComplexityPlugin(
  schemaRef: () => GraphQLSchema,
  maxComplexity: number,
): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<object>> {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema: schemaRef(),
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [
              directiveEstimator(),
              ({ args, childComplexity }) => {
                const first = typeof args.first === 'number' ? args.first : 1;
                return childComplexity > 0 ? 1 + first * childComplexity : undefined;
              },
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (complexity > maxComplexity) {
            throw new GraphQLError(`Query is too complex: ${complexity} > ${maxComplexity}`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT },
            });
          }
        },
      };
    },
  };
}
