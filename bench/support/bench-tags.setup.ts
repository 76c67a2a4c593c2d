import { GraphqlClient } from './graphql.client';

export const FIRST_ADMIN = { email: 'admin@example.com', password: 'Admin123!' };
const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'BenchAdmin123!' };
const TAG_CONCURRENCY = 20;

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const CREATE_TAG = `mutation ($input: CreateTagInput!) { createTag(input: $input) { id } }`;

export function benchTagOf(stationIndex: number): string {
  return `BENCH-TAG-${String(stationIndex + 1).padStart(4, '0')}`;
}

async function login(graphql: GraphqlClient, credentials: typeof FIRST_ADMIN): Promise<GraphqlClient> {
  const data = await graphql.request<{ login: { token: string } }>(LOGIN, credentials);
  return graphql.withToken(data.login.token);
}

/**
 * One active tag per station, so every StartTransaction is Accepted as in real charging (a shared tag
 * could be refused as ConcurrentTx). Super admins may not manage a tenant's tags: a tenant ADMIN does it.
 */
export async function createBenchTags(graphqlUrl: string, stations: number): Promise<void> {
  const anonymous = new GraphqlClient(graphqlUrl);
  const superAdmin = await login(anonymous, FIRST_ADMIN);
  await superAdmin.request(CREATE_USER, {
    input: { ...BENCH_ADMIN, role: 'ADMIN', firstName: 'Bench', lastName: 'Admin' },
  });
  const admin = await login(anonymous, BENCH_ADMIN);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < stations) {
      const id = benchTagOf(next++);
      await admin.request(CREATE_TAG, { input: { id, active: true } });
    }
  };
  await Promise.all(Array.from({ length: Math.min(TAG_CONCURRENCY, stations) }, worker));
}
