import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { ADMIN, TestApp, startTestApp } from '../support/test-app';

describe('foundation: auth, GraphQL, subscriptions', () => {
  let server: TestApp;
  let admin: GraphQLClient;

  beforeAll(async () => {
    server = await startTestApp('foundation', { GRAPHQL_MAX_COMPLEXITY: '300' });
    admin = await loginAsAdmin(server.httpUrl);
  });
  afterAll(() => server.close());

  it('serves health once the database answers', async () => {
    const response = await fetch(`${server.httpUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('logs the seeded super admin in and answers me', async () => {
    const { me } = await admin.data<{ me: { email: string; role: string } }>('{ me { email role } }');
    expect(me).toEqual({ email: ADMIN.email, role: 'SUPER_ADMIN' });
  });

  it('refuses a wrong password and an unknown tenant with UNAUTHENTICATED', async () => {
    const anonymous = new GraphQLClient(server.httpUrl);
    const login =
      'mutation($p: String!, $t: String) { login(email: "admin@example.com", password: $p, tenant: $t) { token } }';
    expect(await anonymous.errorCode(login, { p: 'wrong-Password1' })).toBe('UNAUTHENTICATED');
    expect(await anonymous.errorCode(login, { p: ADMIN.password, t: 'nope' })).toBe('UNAUTHENTICATED');
  });

  it('refuses anonymous and forged-token queries with UNAUTHENTICATED', async () => {
    expect(await new GraphQLClient(server.httpUrl).errorCode('{ me { id } }')).toBe('UNAUTHENTICATED');
    const forged = new GraphQLClient(server.httpUrl, `${admin.bearer!.slice(7, -4)}AAAA`);
    expect(await forged.errorCode('{ me { id } }')).toBe('UNAUTHENTICATED');
  });

  it('reports invalid input as BAD_USER_INPUT without a stack trace', async () => {
    const result = await admin.request(
      'mutation { createUser(input: { email: "not-an-email", password: "x", role: BASIC }) { id } }',
    );
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(result.errors?.[0].message).toMatch(/email must be an email address/);
    const unknownField = await admin.request('{ me { shoeSize } }');
    expect(unknownField.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(unknownField)).not.toMatch(/stacktrace/);
  });

  it('refuses a weak password with a message naming the rule', async () => {
    const result = await admin.request(
      'mutation { createUser(input: { email: "weak@example.com", password: "abcdefgh", role: BASIC }) { id } }',
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/must contain 3 of/);
  });

  it('refuses operations above the cost limit before resolving them (GraphQL Armor)', async () => {
    const page = (first: number) => `{ chargingStations(first: ${first}) { edges { node { id } } } }`;
    expect((await admin.request(page(10))).errors).toBeUndefined();
    const tooCostly = await admin.request(page(100));
    expect(tooCostly.errors?.[0].message).toMatch(/Query Cost limit of 300 exceeded, found \d+/);
    expect(tooCostly.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a query with 2,000 aliases, and one too deep, too long or with too many directives', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `m${i}: me { id }`).join(' ');
    expect((await admin.request(`{ ${aliases(15)} }`)).errors).toBeUndefined();
    const refusals = [
      // 12,000 tokens: refused while parsing, before the aliases are even counted.
      [`{ ${aliases(2000)} }`, /Document contains more that 1000 tokens/],
      [`{ ${aliases(16)} }`, /Aliases limit of 15 exceeded, found 16/],
      [`{ me { ${'id '.repeat(1200)} } }`, /Document contains more that 1000 tokens/],
      [`{ me { ${'id @skip(if: false) '.repeat(51)} } }`, /Directives limit of 50 exceeded, found 51/],
      // Nested inline fragments on one type: valid GraphQL, as deep as one likes.
      [`{ me { ${'... on User { '.repeat(10)}id${' }'.repeat(10)} } }`, /Query depth limit of 10 exceeded/],
    ] as const;
    for (const [query, message] of refusals) {
      const result = await admin.request(query);
      // Several limits may be exceeded at once (this suite's cost limit is low): each is reported.
      expect(result.errors?.map((error) => error.message).join('\n')).toMatch(message);
      for (const error of result.errors ?? []) expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(result.data).toBeUndefined();
    }
  });

  it('creates a tag and a user, and keeps users unique per tenant', async () => {
    await admin.data(
      'mutation { createUser(input: { email: "ops@example.com", password: "Ops-12345", role: ADMIN }) { id } }',
    );
    const operator = await new GraphQLClient(server.httpUrl).login('ops@example.com', 'Ops-12345');
    const { createUser } = await operator.data<{ createUser: { id: string } }>(
      'mutation { createUser(input: { email: "Driver@Example.com", password: "Driver-123", role: BASIC, locale: "fr" }) { id email locale } }',
    );
    const { createTag } = await operator.data<{
      createTag: { id: string; active: boolean; user: { id: string } };
    }>('mutation($u: ID) { createTag(input: { id: "TAG-0001", userId: $u }) { id active user { id } } }', {
      u: createUser.id,
    });
    expect(createTag).toEqual({ id: 'TAG-0001', active: true, user: { id: createUser.id } });
    const duplicate =
      'mutation { createUser(input: { email: "driver@example.com", password: "Driver-123", role: BASIC }) { id } }';
    expect(await operator.errorCode(duplicate)).toBe('BAD_USER_INPUT');
    expect(await operator.errorCode('mutation { createTag(input: { id: "TAG-0001" }) { id } }')).toBe(
      'BAD_USER_INPUT',
    );
    expect(await admin.errorCode('mutation { createTag(input: { id: "TAG-0002" }) { id } }')).toBe(
      'FORBIDDEN',
    );
  });

  it('lets only super admins create tenants, whose admin then logs into that tenant', async () => {
    const { createTenant } = await admin.data<{ createTenant: { id: string; name: string } }>(
      'mutation { createTenant(input: { id: "acme", name: "Acme", adminEmail: "boss@acme.test", adminPassword: "Acme-Admin-1" }) { id name } }',
    );
    expect(createTenant).toEqual({ id: 'acme', name: 'Acme' });
    const acmeAdmin = await new GraphQLClient(server.httpUrl).login('boss@acme.test', 'Acme-Admin-1', 'acme');
    expect((await acmeAdmin.data<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('ADMIN');
    const again =
      'mutation { createTenant(input: { id: "other", name: "O", adminEmail: "o@o.test", adminPassword: "Other-Admin-1" }) { id } }';
    expect(await acmeAdmin.errorCode(again)).toBe('FORBIDDEN');
  });

  it('pushes events to an authenticated graphql-ws subscriber of the same tenant only', async () => {
    const subscription = subscribe<{ userCreated: { email: string } }>(
      graphqlWsClient(server.wsUrl, admin.bearer),
      'subscription { userCreated { email } }',
    );
    // Give the server a moment to register the subscription before publishing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const acmeAdmin = await new GraphQLClient(server.httpUrl).login('boss@acme.test', 'Acme-Admin-1', 'acme');
    await acmeAdmin.data(
      'mutation { createUser(input: { email: "x@acme.test", password: "Xx-123456", role: BASIC }) { id } }',
    );
    await admin.data(
      'mutation { createUser(input: { email: "live@example.com", password: "Live-1234", role: BASIC }) { id } }',
    );
    expect(await subscription.next()).toEqual({ userCreated: { email: 'live@example.com' } });
    await subscription.close();
  });

  it('holds subscriptions to the same limits', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `u${i}: userCreated { email }`).join(' ');
    const subscription = subscribe(
      graphqlWsClient(server.wsUrl, admin.bearer),
      `subscription { ${aliases} }`,
    );
    await expect(subscription.next(5000)).rejects.toThrow(/Aliases limit of 15 exceeded, found 16/);
    await subscription.close().catch(() => undefined);
  });

  it('refuses a graphql-ws connection without a valid token', async () => {
    const subscription = subscribe(graphqlWsClient(server.wsUrl), 'subscription { userCreated { email } }');
    await expect(subscription.next(5000)).rejects.toThrow(/4403|Forbidden|closed/i);
    await subscription.close().catch(() => undefined);
  });

  it('serves an offline explorer to browsers on GET /graphql', async () => {
    const page = await fetch(`${server.httpUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
    for (const asset of ['graphiql.js', 'graphiql.css', 'react.js', 'react-dom.js', 'graphql-ws.js']) {
      expect(html).toContain(`/graphql/explorer/${asset}`);
      expect((await fetch(`${server.httpUrl}/graphql/explorer/${asset}`)).status).toBe(200);
    }
  });
});
