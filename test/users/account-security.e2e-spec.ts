import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { TestApp, startTestApp } from '../support/test-app';
import { TestUser, createUserAndLogin } from '../support/users';

const PASSWORD = 'Str0ng!Passw0rd';
const LOGIN =
  'mutation($email: String!, $password: String!, $tenant: String) { login(email: $email, password: $password, tenant: $tenant) { token expiresIn user { id } } }';

interface LoginError {
  message: string;
  extensions?: { code?: string; reason?: string; lockedUntil?: string };
}

async function attempt(server: TestApp, email: string, password: string): Promise<LoginError | undefined> {
  const result = await new GraphQLClient(server.httpUrl).request(LOGIN, { email, password });
  return result.errors?.[0];
}

function claimsOf(token: string): { exp: number; iat: number } {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number; iat: number };
}

describe('account security', () => {
  let server: TestApp;
  let superAdmin: GraphQLClient;

  const security = { LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCK_MINUTES: '0.5' };

  beforeAll(async () => {
    server = await startTestApp('account-security', security);
    superAdmin = await loginAsAdmin(server.httpUrl);
  });
  afterAll(() => server.close());

  describe('lockout after wrong passwords', () => {
    let victim: TestUser;

    it('locks the account at the third wrong password, with a clear error, even for the right password', async () => {
      victim = await createUserAndLogin(superAdmin, 'BASIC');
      expect((await attempt(server, victim.email, 'Wrong-Pass1'))?.message).toMatch(
        /Invalid email, password or tenant/,
      );
      expect((await attempt(server, victim.email, 'Wrong-Pass2'))?.extensions?.code).toBe('UNAUTHENTICATED');
      const third = await attempt(server, victim.email, 'Wrong-Pass3');
      expect(third?.message).toMatch(/Account locked after 3 wrong passwords; try again in 1 minute/);
      expect(third?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
      const lockedUntil = Date.parse(third!.extensions!.lockedUntil!);
      expect(lockedUntil - Date.now()).toBeGreaterThan(20_000);
      expect((await attempt(server, victim.email, PASSWORD))?.extensions?.reason).toBe('ACCOUNT_LOCKED');
      const { user } = await superAdmin.data<{ user: { status: string } }>(
        'query($id: ID!) { user(id: $id) { status } }',
        {
          id: victim.id,
        },
      );
      expect(user.status).toBe('LOCKED');
    });

    it('keeps the lock across a restart of the server on the same database; it then expires', async () => {
      const databaseUri = server.config.MONGODB_URI!;
      await server.close();
      server = await startTestApp('account-security', {
        ...security,
        LOGIN_LOCK_MINUTES: '0.03',
        MONGODB_URI: databaseUri,
      });
      superAdmin = await loginAsAdmin(server.httpUrl);
      expect((await attempt(server, victim.email, PASSWORD))?.extensions?.reason).toBe('ACCOUNT_LOCKED');

      // A lock taken on this server lasts LOGIN_LOCK_MINUTES = 1.8 s, then the right password works again.
      const shortLived = await createUserAndLogin(superAdmin, 'BASIC');
      for (const wrong of ['Wrong-Pass1', 'Wrong-Pass2', 'Wrong-Pass3'])
        await attempt(server, shortLived.email, wrong);
      expect((await attempt(server, shortLived.email, PASSWORD))?.extensions?.reason).toBe('ACCOUNT_LOCKED');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(await attempt(server, shortLived.email, PASSWORD)).toBeUndefined();
      const { user } = await superAdmin.data<{ user: { status: string; lockedUntil: string | null } }>(
        'query($id: ID!) { user(id: $id) { status lockedUntil } }',
        { id: shortLived.id },
      );
      expect(user).toEqual({ status: 'ACTIVE', lockedUntil: null });
    });

    it('lets an admin unlock an account by making it ACTIVE again', async () => {
      await superAdmin.data('mutation($id: ID!) { updateUser(input: { id: $id, status: ACTIVE }) { id } }', {
        id: victim.id,
      });
      expect(await attempt(server, victim.email, PASSWORD)).toBeUndefined();
    });

    it('forgets wrong passwords after a successful login', async () => {
      const user = await createUserAndLogin(superAdmin, 'BASIC');
      for (let round = 0; round < 2; round += 1) {
        await attempt(server, user.email, 'Wrong-Pass1');
        await attempt(server, user.email, 'Wrong-Pass2');
        expect(await attempt(server, user.email, PASSWORD)).toBeUndefined();
      }
    });
  });

  describe('tokens', () => {
    it('revokes every older token on password change and returns a working new one', async () => {
      const user = await createUserAndLogin(superAdmin, 'BASIC');
      const secondDevice = await new GraphQLClient(server.httpUrl).login(user.email, PASSWORD);
      const change =
        'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }';
      expect(await user.client.errorCode(change, { c: 'Not-The-Password1', n: 'New-Passw0rd!' })).toBe(
        'BAD_USER_INPUT',
      );
      const weak = await user.client.request(change, { c: PASSWORD, n: 'short' });
      expect(weak.errors?.[0].message).toMatch(/newPassword must be 8 to 128 characters/);
      const { changePassword } = await user.client.data<{ changePassword: { token: string } }>(change, {
        c: PASSWORD,
        n: 'New-Passw0rd!',
      });
      expect(await user.client.errorCode('{ me { id } }')).toBe('UNAUTHENTICATED');
      expect(await secondDevice.errorCode('{ me { id } }')).toBe('UNAUTHENTICATED');
      const fresh = new GraphQLClient(server.httpUrl, changePassword.token);
      expect((await fresh.data<{ me: { id: string } }>('{ me { id } }')).me.id).toBe(user.id);
      expect(await attempt(server, user.email, PASSWORD)).toBeDefined();
      expect(await attempt(server, user.email, 'New-Passw0rd!')).toBeUndefined();
    });

    it('logout revokes the tokens of the account', async () => {
      const user = await createUserAndLogin(superAdmin, 'BASIC');
      expect(await user.client.data('mutation { logout }')).toEqual({ logout: true });
      expect(await user.client.errorCode('{ me { id } }')).toBe('UNAUTHENTICATED');
    });

    it('refuses tokens of blocked users at once', async () => {
      const user = await createUserAndLogin(superAdmin, 'BASIC');
      await superAdmin.data('mutation($id: ID!) { updateUser(input: { id: $id, status: BLOCKED }) { id } }', {
        id: user.id,
      });
      expect(await user.client.errorCode('{ me { id } }')).toBe('UNAUTHENTICATED');
      expect((await attempt(server, user.email, PASSWORD))?.message).toBe('This account is blocked');
    });

    it('gives tokens a lifetime per role: 12 h by default, longer for demo users', async () => {
      const basic = await createUserAndLogin(superAdmin, 'BASIC');
      const demo = await createUserAndLogin(superAdmin, 'DEMO');
      const lifetime = async (email: string) => {
        const { login } = await new GraphQLClient(server.httpUrl).data<{
          login: { token: string; expiresIn: number };
        }>(LOGIN, {
          email,
          password: PASSWORD,
        });
        const claims = claimsOf(login.token);
        expect(claims.exp - claims.iat).toBe(login.expiresIn);
        return login.expiresIn;
      };
      expect(await lifetime(basic.email)).toBe(12 * 3600);
      expect(await lifetime(demo.email)).toBe(7 * 24 * 3600);
    });
  });
});

describe('rate limiting of the credential endpoints', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp('rate-limit', {
      AUTH_RATE_LIMIT_PER_MINUTE: '3',
      AUTH_IP_RATE_LIMIT_PER_MINUTE: '8',
      LOGIN_MAX_ATTEMPTS: '100',
    });
  });
  afterAll(() => server.close());

  it('slows attempts per account, then per IP, with TOO_MANY_REQUESTS', async () => {
    const codes = async (email: string, times: number) => {
      const result: (string | undefined)[] = [];
      for (let i = 0; i < times; i += 1)
        result.push((await attempt(server, email, 'Wrong-Pass1'))?.extensions?.code);
      return result;
    };
    expect(await codes('target@example.com', 4)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'TOO_MANY_REQUESTS',
    ]);
    // Another account from the same IP still gets answers, until the IP's own budget (8) is spent.
    expect(await codes('Other@Example.com', 3)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    expect(await codes('third@example.com', 2)).toEqual(['UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);
    const reset = await new GraphQLClient(server.httpUrl).request(
      'mutation { requestPasswordReset(email: "fresh@example.com") }',
    );
    expect(reset.errors).toBeUndefined();
  });
});
