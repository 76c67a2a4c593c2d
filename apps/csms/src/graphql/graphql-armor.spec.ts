import { GraphQLInt, GraphQLObjectType, GraphQLSchema, parse, validate } from 'graphql';
import { GraphQLLimits, graphqlProtection, subscriptionLimits } from './graphql-armor';

// A schema with a cycle (Node.child) and a list, so that depth and cost can grow without bound.
const node: GraphQLObjectType = new GraphQLObjectType({
  name: 'Node',
  fields: () => ({
    value: { type: GraphQLInt },
    child: { type: node },
    children: { type: node, args: { first: { type: GraphQLInt } } },
  }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { root: { type: node } } }),
  subscription: new GraphQLObjectType({ name: 'Subscription', fields: { tick: { type: node } } }),
});
const limits: GraphQLLimits = { maxDepth: 5, maxCost: 100, maxAliases: 3, maxDirectives: 2, maxTokens: 200 };

function refusals(query: string): string[] {
  return validate(schema, parse(query), graphqlProtection(limits).validationRules).map((e) => e.message);
}

describe('GraphQL limits (GraphQL Armor)', () => {
  it('accepts an operation within every limit', () => {
    expect(refusals('{ a: root { value } b: root { child { value } } }')).toEqual([]);
  });

  it('refuses too many aliases, too deep, too costly and too many directives', () => {
    expect(refusals('{ a: root { value } b: root { value } c: root { value } d: root { value } }')).toEqual([
      expect.stringMatching(/Aliases limit of 3 exceeded, found 4/),
    ]);
    expect(refusals(`{ root { ${'child { '.repeat(6)}value${' }'.repeat(6)} } }`)).toContainEqual(
      expect.stringMatching(/Query depth limit of 5 exceeded/),
    );
    expect(refusals('{ root { children(first: 50) { value } } }')).toEqual([
      expect.stringMatching(/Query Cost limit of 100 exceeded/),
    ]);
    expect(refusals('{ root { value @skip(if: false) @skip(if: false) @skip(if: false) } }')).toContainEqual(
      expect.stringMatching(/Directives limit of 2 exceeded, found 3/),
    );
  });

  it('checks subscriptions, which graphql-ws validates without Apollo', () => {
    const check = subscriptionLimits(graphqlProtection(limits), () => schema);
    expect(check(undefined, '1', { query: 'subscription { tick { value } }' })).toBeUndefined();
    const aliased = check(undefined, '2', {
      query: 'subscription { a: tick { value } b: tick { value } c: tick { value } d: tick { value } }',
    });
    expect(aliased?.map((error) => error.message)).toEqual([expect.stringMatching(/Aliases limit of 3/)]);
    const long = check(undefined, '3', { query: `subscription { tick { ${'value '.repeat(300)} } }` });
    expect(long?.[0].message).toMatch(/more that 200 tokens/);
  });
});
