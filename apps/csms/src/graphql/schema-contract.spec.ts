import { readFileSync } from 'fs';
import { join } from 'path';
import {
  DefinitionNode,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLSchema,
  buildSchema,
  parse,
  print,
} from 'graphql';

const root = join(__dirname, '../../../..');

/**
 * What schema.gql lacks or types differently from a contract excerpt: each of its types, fields,
 * arguments and enum values must be there with exactly the contract's type (more is allowed).
 */
function departures(schema: GraphQLSchema, contract: string): string[] {
  const problems: string[] = [];
  for (const definition of parse(contract).definitions as DefinitionNode[]) {
    if (!('name' in definition) || !definition.name) continue;
    const name = definition.name.value;
    const type = schema.getType(name);
    if (!type) {
      problems.push(`type ${name} is missing`);
      continue;
    }
    if ('values' in definition && definition.values) {
      for (const value of definition.values) {
        if (!(type as GraphQLEnumType).getValue(value.name.value))
          problems.push(`${name}.${value.name.value} is missing`);
      }
    }
    if ('fields' in definition && definition.fields) {
      const fields = (type as GraphQLObjectType | GraphQLInputObjectType).getFields();
      for (const field of definition.fields) {
        const actual = fields[field.name.value];
        const where = `${name}.${field.name.value}`;
        if (!actual) {
          problems.push(`${where} is missing`);
          continue;
        }
        if (String(actual.type) !== print(field.type)) {
          problems.push(`${where} is ${String(actual.type)}, the contract says ${print(field.type)}`);
        }
        for (const argument of 'arguments' in field ? (field.arguments ?? []) : []) {
          const actualArgument =
            'args' in actual ? actual.args.find((a) => a.name === argument.name.value) : undefined;
          if (!actualArgument) problems.push(`${where}(${argument.name.value}) is missing`);
          else if (String(actualArgument.type) !== print(argument.type)) {
            problems.push(
              `${where}(${argument.name.value}) is ${String(actualArgument.type)}, the contract says ${print(argument.type)}`,
            );
          }
        }
      }
    }
  }
  return problems;
}

describe('schema.gql against the contract', () => {
  const schema = buildSchema(readFileSync(join(root, 'schema.gql'), 'utf8'));

  it('has the statistics and car-catalog names exactly as the contract writes them', () => {
    const contract = readFileSync(join(root, 'test/fixtures/contract/statistics-cars.graphql'), 'utf8');
    expect(departures(schema, contract)).toEqual([]);
  });

  it('notices a name that departs from the contract', () => {
    const contract = `
      enum StatisticsPeriod { YEAR FORTNIGHT }
      type CarModel { acMaxKw: Int brand: String! }
      type Query { carModels(search: String, brand: Int): CarModelConnection! carMakers: [String!]! }`;
    expect(departures(schema, contract)).toEqual([
      'StatisticsPeriod.FORTNIGHT is missing',
      'CarModel.acMaxKw is Float, the contract says Int',
      'Query.carModels(brand) is String, the contract says Int',
      'Query.carMakers is missing',
    ]);
  });
});
