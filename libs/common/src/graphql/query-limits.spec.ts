import { GraphQLInt, GraphQLObjectType, GraphQLSchema, parse, validate } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { queryComplexityPlugin } from './query-limits.plugin';

// A schema with a cycle (Node.child), so that depth and cost can grow without bound.
const node: GraphQLObjectType = new GraphQLObjectType({
  name: 'Node',
  fields: () => ({
    value: { type: GraphQLInt },
    child: { type: node },
    children: {
      type: new GraphQLObjectType({ name: 'Page', fields: () => ({ node: { type: node } }) }),
      args: { first: { type: GraphQLInt } },
    },
  }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { root: { type: node } } }),
});

async function cost(query: string, max: number): Promise<void> {
  const listener = await queryComplexityPlugin(() => schema, max).requestDidStart!({} as never);
  await listener!.didResolveOperation!({ request: { variables: {} }, document: parse(query) } as never);
}

describe('GraphQL query limits', () => {
  it('refuses operations deeper than the depth limit', () => {
    const deep = (n: number) => `{ root { ${'child { '.repeat(n)}value${' }'.repeat(n)} } }`;
    expect(validate(schema, parse(deep(3)), [depthLimit(5)])).toEqual([]);
    expect(validate(schema, parse(deep(8)), [depthLimit(5)])[0].message).toMatch(
      /exceeds maximum operation depth of 5/,
    );
  });

  it('multiplies list children by `first` and refuses what exceeds the cost limit', async () => {
    await expect(cost('{ root { children(first: 10) { node { value } } } }', 100)).resolves.toBeUndefined();
    await expect(cost('{ root { children(first: 500) { node { value } } } }', 100)).rejects.toThrow(
      /Query is too complex: \d+ > 100/,
    );
  });
});
