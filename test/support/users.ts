import { GraphQLClient } from './graphql-client';

let counter = 0;

export interface TestUser {
  id: string;
  email: string;
  client: GraphQLClient;
}

/** Creates a user of `role` through `creator` (an admin of the tenant) and logs it in. */
export async function createUserAndLogin(
  creator: GraphQLClient,
  role: 'ADMIN' | 'BASIC' | 'DEMO',
  tenant?: string,
): Promise<TestUser> {
  counter += 1;
  const email = `${role.toLowerCase()}-${counter}-${Date.now()}@example.com`;
  const password = 'Str0ng!Passw0rd';
  const { createUser } = await creator.data<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, password, role } },
  );
  return { id: createUser.id, email, client: await creator.login(email, password, tenant) };
}

/** Creates a tag (badge) through an admin client. */
export async function createTag(
  admin: GraphQLClient,
  input: { id: string; userId?: string; active?: boolean; expiresAt?: string; parentTagId?: string },
): Promise<void> {
  await admin.data('mutation($input: CreateTagInput!) { createTag(input: $input) { id } }', { input });
}

/**
 * Polls `condition` until it holds (or fails after `timeoutMs`): for effects of asynchronous events.
 * The default is generous because a shared two-core machine can be slow; it only costs time on failure.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  condition: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (condition(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
