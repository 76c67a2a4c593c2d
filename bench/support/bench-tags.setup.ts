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

async function loginToken(graphql: GraphqlClient, credentials: typeof FIRST_ADMIN): Promise<string> {
  const data = await graphql.request<{ login: { token: string } }>(LOGIN, credentials);
  return data.login.token;
}

export interface BenchAdmin {
  client: GraphqlClient;
  /** For graphql-ws: `Bearer <token>` in connectionParams.authorization. */
  token: string;
}

/** A tenant ADMIN of the default tenant, created by the first super admin, logged in. */
export async function createBenchAdmin(graphqlUrl: string): Promise<BenchAdmin> {
  const anonymous = new GraphqlClient(graphqlUrl);
  const superAdmin = anonymous.withToken(await loginToken(anonymous, FIRST_ADMIN));
  await superAdmin.request(CREATE_USER, {
    input: { ...BENCH_ADMIN, role: 'ADMIN', firstName: 'Bench', lastName: 'Admin' },
  });
  const token = await loginToken(anonymous, BENCH_ADMIN);
  return { client: anonymous.withToken(token), token };
}

/**
 * One active tag per station, so every StartTransaction is Accepted as in real charging (a shared tag
 * could be refused as ConcurrentTx). Super admins may not manage a tenant's tags: a tenant ADMIN does it.
 */
export async function createBenchTags(graphqlUrl: string, stations: number): Promise<void> {
  const { client: admin } = await createBenchAdmin(graphqlUrl);
  await createTagsAs(admin, stations);
}

export async function createTagsAs(admin: GraphqlClient, stations: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < stations) {
      const id = benchTagOf(next++);
      await admin.request(CREATE_TAG, { input: { id, active: true } });
    }
  };
  await Promise.all(Array.from({ length: Math.min(TAG_CONCURRENCY, stations) }, worker));
}
