import { ErrorCode } from '@csms/common';
import fc from 'fast-check';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import {
  fuzzParameters,
  FUZZ_TIMEOUT_MS,
  HEAP_GROWTH_LIMIT,
  heapGrowthSince,
  heapUsedAfterGc,
} from './support/fuzz-budget';
import { hostileValue } from './support/hostile-values';

interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

/** Operations taking input, with valid variables: the seeds the fuzzer mutates. */
const OPERATIONS: Operation[] = [
  {
    query: 'mutation($input: CreateChargingStationInput!) { createChargingStation(input: $input) { id } }',
    variables: { input: { id: 'FUZZ-CS', password: 'S3cret-pass-123', siteAreaId: null } },
  },
  {
    query: 'mutation($input: CreateTagInput!) { createTag(input: $input) { id } }',
    variables: {
      input: { id: 'FUZZ-TAG', description: 'd', expiresAt: '2030-01-01T00:00:00Z', parentTagId: 'P' },
    },
  },
  {
    query: 'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
    variables: {
      input: {
        name: 'Fuzz',
        currency: 'EUR',
        startDateTime: '2026-01-01T00:00:00Z',
        tariffAltText: [{ language: 'en', text: 'cheap' }],
        elements: [
          {
            priceComponents: [{ type: 'ENERGY', price: 0.3, stepSize: 1, vat: 20 }],
            restrictions: { startTime: '08:00', endTime: '20:00', dayOfWeek: ['MONDAY'], maxKwh: 50 },
          },
        ],
      },
    },
  },
  {
    query: 'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    variables: {
      input: {
        companyId: '000000000000000000000000',
        name: 'Site',
        timeZone: 'Europe/Paris',
        coordinates: { latitude: 48.8, longitude: 2.3 },
        openingHours: [{ weekday: 'MONDAY', opensAt: '08:00', closesAt: '20:00' }],
      },
    },
  },
  {
    query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: {
      input: {
        email: 'fuzz@example.com',
        password: 'Fuzz-pass-123',
        role: 'BASIC',
        locale: 'en',
        phone: '+33 1',
      },
    },
  },
  {
    query:
      'query($first: Int, $after: String) { chargingStations(first: $first, after: $after) { totalCount } }',
    variables: { first: 10, after: 'YWJj' },
  },
  {
    query:
      'query($latitude: Float!, $longitude: Float!, $first: Int) { chargingStationsNear(latitude: $latitude, longitude: $longitude, first: $first) { totalCount } }',
    variables: { latitude: 48.8, longitude: 2.3, first: 5 },
  },
];

/** Every path to a value inside `value` (objects and arrays). */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

function replacedAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (replacement === undefined && rest.length === 0) delete copy[head];
  else copy[head] = replacedAt(copy[head], rest, replacement);
  return copy;
}

const requests: fc.Arbitrary<Operation & { kind: string }> = (() => {
  const mutated = fc
    .tuple(fc.constantFrom(...OPERATIONS), fc.nat(), fc.oneof(hostileValue, fc.constant(undefined)))
    .map(([operation, at, replacement]) => {
      const paths = pathsOf(operation.variables).filter((path) => path.length > 0);
      const path = paths[at % paths.length];
      return {
        kind: `${/\{ (\w+)/.exec(operation.query)?.[1]} ${replacement === undefined ? 'without' : 'with hostile'} ${path.join('.')}`,
        query: operation.query,
        variables: replacedAt(operation.variables, path, replacement) as Record<string, unknown>,
      };
    });
  const brokenQuery = fc
    .tuple(fc.constantFrom(...OPERATIONS), fc.nat(), fc.string({ unit: 'binary', maxLength: 3 }))
    .map(([operation, at, inserted]) => {
      const index = at % operation.query.length;
      return {
        kind: 'broken query',
        query: operation.query.slice(0, index) + inserted + operation.query.slice(index + 1),
        variables: operation.variables,
      };
    });
  const text = fc
    .string({ unit: 'binary', maxLength: 200 })
    .map((query) => ({ kind: 'text', query, variables: {} }));
  return fc.oneof(
    { arbitrary: mutated, weight: 6 },
    { arbitrary: brokenQuery, weight: 2 },
    { arbitrary: text, weight: 1 },
  );
})();

const CODES = new Set<string>(Object.values(ErrorCode));
const INTERNAL: string = ErrorCode.INTERNAL_SERVER_ERROR;

describe('Hostile GraphQL inputs get a clear error code (property-based, fast-check)', () => {
  let app: TestApp;
  let admin: GraphQLClient;
  let heapBefore: number;

  beforeAll(async () => {
    app = await startTestApp('graphql-fuzz');
    admin = await loginAsAdmin(app.httpUrl);
    heapBefore = heapUsedAfterGc();
  });
  afterAll(() => app?.close());

  it(
    'answers every request with data or contract error codes, never INTERNAL_SERVER_ERROR',
    async () => {
      const kinds = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          const kind = request.kind.split(' ')[0];
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          const response = await fetch(`${app.httpUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: admin.bearer! },
            body: JSON.stringify({ query: request.query, variables: request.variables }),
          });
          expect([200, 400]).toContain(response.status);
          const body = (await response.json()) as {
            data?: unknown;
            errors?: { message: unknown; extensions?: { code?: string } }[];
          };
          for (const error of body.errors ?? []) {
            expect(typeof error.message).toBe('string');
            const code = error.extensions?.code ?? 'none';
            if (!CODES.has(code) || code === INTERNAL)
              throw new Error(
                `${request.kind}: ${code} ${JSON.stringify(error.message)} for ${JSON.stringify(request.variables).slice(0, 300)}`,
              );
          }
          if (!body.errors) expect(body.data).toBeTruthy();
        }),
        fuzzParameters('GraphQL inputs', 200),
      );
      console.log(`GraphQL requests by kind ${JSON.stringify(Object.fromEntries(kinds))}`);
      expect((await admin.request('{ chargingStations(first: 1) { totalCount } }')).errors).toBeUndefined();
    },
    FUZZ_TIMEOUT_MS,
  );

  it('holds no more memory after the fuzzing than before it', () => {
    expect(heapGrowthSince(heapBefore, 'the GraphQL fuzzing')).toBeLessThan(HEAP_GROWTH_LIMIT);
  });
});
