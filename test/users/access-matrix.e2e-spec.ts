import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { TestApp, startTestApp } from '../support/test-app';
import { TestUser, createTag, createUserAndLogin } from '../support/users';

const PASSWORD = 'Str0ng!Passw0rd';

const USERS = '{ users(first: 100) { totalCount edges { node { id email role canUpdate canDelete } } } }';
const USER = 'query($id: ID!) { user(id: $id) { id email canUpdate canDelete } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id role } }';
const UPDATE_USER =
  'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id firstName role status } }';
const UPDATE_ME =
  'mutation($input: UpdateMeInput!) { updateMe(input: $input) { id firstName phone locale } }';
const DELETE_USER = 'mutation($id: ID!) { deleteUser(id: $id) }';
const TAGS =
  '{ tags(first: 100) { totalCount edges { node { id default canUpdate canDelete user { id } } } } }';
const TAG = 'query($id: ID!) { tag(id: $id) { id user { id email } } }';
const CREATE_TAG = 'mutation($input: CreateTagInput!) { createTag(input: $input) { id } }';
const UPDATE_TAG =
  'mutation($input: UpdateTagInput!) { updateTag(input: $input) { id active description default } }';
const DELETE_TAG = 'mutation($id: ID!) { deleteTag(id: $id) }';
const TENANTS = '{ tenants { id } }';
const UPDATE_TENANT = 'mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { id name } }';

let counter = 0;
const email = (prefix: string) => `${prefix}-${++counter}-${Date.now()}@example.com`;

describe('users, tags and tenants: the role matrix over GraphQL', () => {
  let server: TestApp;
  let superAdmin: GraphQLClient;
  let superAdminId: string;
  let admin: TestUser;
  let basic: TestUser;
  let otherBasic: TestUser;
  let demo: TestUser;

  const newUser = async (role = 'BASIC'): Promise<string> => {
    const { createUser } = await admin.client.data<{ createUser: { id: string } }>(CREATE_USER, {
      input: { email: email('x'), password: PASSWORD, role },
    });
    return createUser.id;
  };

  beforeAll(async () => {
    server = await startTestApp('access-matrix');
    superAdmin = await loginAsAdmin(server.httpUrl);
    superAdminId = (await superAdmin.data<{ me: { id: string } }>('{ me { id } }')).me.id;
    admin = await createUserAndLogin(superAdmin, 'ADMIN');
    basic = await createUserAndLogin(admin.client, 'BASIC');
    otherBasic = await createUserAndLogin(admin.client, 'BASIC');
    demo = await createUserAndLogin(admin.client, 'DEMO');
    await createTag(admin.client, { id: 'BASIC-1', userId: basic.id });
    await createTag(admin.client, { id: 'OTHER-1', userId: otherBasic.id });
  });
  afterAll(() => server.close());

  describe('users', () => {
    it('super admin: lists and manages users, may not delete itself', async () => {
      const { users } = await superAdmin.data<{ users: { totalCount: number } }>(USERS);
      expect(users.totalCount).toBeGreaterThanOrEqual(5);
      const id = (
        await superAdmin.data<{ createUser: { id: string } }>(CREATE_USER, {
          input: { email: email('sa'), password: PASSWORD, role: 'ADMIN' },
        })
      ).createUser.id;
      expect(
        (
          await superAdmin.data<{ updateUser: { firstName: string } }>(UPDATE_USER, {
            input: { id, firstName: 'Ada' },
          })
        ).updateUser.firstName,
      ).toBe('Ada');
      expect(await superAdmin.data(DELETE_USER, { id })).toEqual({ deleteUser: true });
      expect(await superAdmin.errorCode(DELETE_USER, { id: superAdminId })).toBe('FORBIDDEN');
    });

    it('admin: lists, reads, creates, updates and deletes users of its tenant', async () => {
      const { users } = await admin.client.data<{
        users: { edges: { node: { id: string; canUpdate: boolean; canDelete: boolean } }[] };
      }>(USERS);
      const flags = Object.fromEntries(
        users.edges.map(({ node }) => [node.id, [node.canUpdate, node.canDelete]]),
      );
      expect(flags[basic.id]).toEqual([true, true]);
      expect(flags[admin.id]).toEqual([true, false]);
      expect(flags[superAdminId]).toEqual([false, false]);
      const id = await newUser();
      expect((await admin.client.data<{ user: { id: string } }>(USER, { id })).user.id).toBe(id);
      const { updateUser } = await admin.client.data<{ updateUser: { role: string; status: string } }>(
        UPDATE_USER,
        {
          input: { id, role: 'DEMO', status: 'INACTIVE' },
        },
      );
      expect(updateUser).toMatchObject({ role: 'DEMO', status: 'INACTIVE' });
      expect(await admin.client.data(DELETE_USER, { id })).toEqual({ deleteUser: true });
      expect(await admin.client.errorCode(USER, { id })).toBe('NOT_FOUND');
    });

    it('admin: may neither create nor touch super admins, nor promote anyone to it, nor delete itself', async () => {
      const input = { email: email('escalate'), password: PASSWORD, role: 'SUPER_ADMIN' };
      expect(await admin.client.errorCode(CREATE_USER, { input })).toBe('FORBIDDEN');
      expect(await admin.client.errorCode(UPDATE_USER, { input: { id: superAdminId, firstName: 'x' } })).toBe(
        'FORBIDDEN',
      );
      expect(await admin.client.errorCode(DELETE_USER, { id: superAdminId })).toBe('FORBIDDEN');
      expect(
        await admin.client.errorCode(UPDATE_USER, { input: { id: basic.id, role: 'SUPER_ADMIN' } }),
      ).toBe('FORBIDDEN');
      expect(await admin.client.errorCode(DELETE_USER, { id: admin.id })).toBe('FORBIDDEN');
    });

    it('basic: reads and updates itself only, and may not change its own role or status', async () => {
      expect(await basic.client.errorCode(USERS)).toBe('FORBIDDEN');
      const { user } = await basic.client.data<{
        user: { id: string; canUpdate: boolean; canDelete: boolean };
      }>(USER, { id: basic.id });
      expect(user).toMatchObject({ id: basic.id, canUpdate: true, canDelete: false });
      expect(await basic.client.errorCode(USER, { id: otherBasic.id })).toBe('NOT_FOUND');
      const { updateMe } = await basic.client.data<{ updateMe: object }>(UPDATE_ME, {
        input: {
          firstName: 'Bea',
          phone: '+33 6 12 34 56 78',
          locale: 'fr',
          notificationPreferences: { sessionStarted: false },
        },
      });
      expect(updateMe).toEqual({ id: basic.id, firstName: 'Bea', phone: '+33 6 12 34 56 78', locale: 'fr' });
      const { me } = await basic.client.data<{ me: { notificationPreferences: Record<string, boolean> } }>(
        '{ me { notificationPreferences { sessionStarted sessionEnded } } }',
      );
      expect(me.notificationPreferences).toEqual({ sessionStarted: false, sessionEnded: true });
      expect(await basic.client.errorCode(UPDATE_USER, { input: { id: basic.id, role: 'ADMIN' } })).toBe(
        'FORBIDDEN',
      );
      expect(await basic.client.errorCode(UPDATE_USER, { input: { id: basic.id, status: 'ACTIVE' } })).toBe(
        'FORBIDDEN',
      );
      expect(
        await basic.client.errorCode(UPDATE_USER, { input: { id: otherBasic.id, firstName: 'x' } }),
      ).toBe('NOT_FOUND');
      expect(
        await basic.client.errorCode(CREATE_USER, {
          input: { email: email('b'), password: PASSWORD, role: 'BASIC' },
        }),
      ).toBe('FORBIDDEN');
      expect(await basic.client.errorCode(DELETE_USER, { id: basic.id })).toBe('FORBIDDEN');
    });

    it('demo: users are hidden; it sees itself but may change nothing', async () => {
      expect(await demo.client.errorCode(USERS)).toBe('FORBIDDEN');
      expect((await demo.client.data<{ me: { id: string } }>('{ me { id } }')).me.id).toBe(demo.id);
      expect(await demo.client.errorCode(USER, { id: basic.id })).toBe('NOT_FOUND');
      expect(await demo.client.errorCode(UPDATE_ME, { input: { firstName: 'Dee' } })).toBe('FORBIDDEN');
      expect(
        await demo.client.errorCode(CREATE_USER, {
          input: { email: email('d'), password: PASSWORD, role: 'BASIC' },
        }),
      ).toBe('FORBIDDEN');
      expect(await demo.client.errorCode(DELETE_USER, { id: basic.id })).toBe('FORBIDDEN');
    });

    it('searches and pages users (Relay)', async () => {
      await admin.client.data(UPDATE_USER, { input: { id: otherBasic.id, lastName: 'Zebrafish' } });
      const { users } = await admin.client.data<{
        users: { totalCount: number; edges: { node: { id: string } }[] };
      }>('{ users(search: "zebra") { totalCount edges { node { id } } } }');
      expect(users.totalCount).toBe(1);
      expect(users.edges[0].node.id).toBe(otherBasic.id);
      const first = await admin.client.data<{
        users: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }>('{ users(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }');
      expect(first.users.pageInfo.hasNextPage).toBe(true);
      const second = await admin.client.data<{ users: { edges: { node: { id: string } }[] } }>(
        'query($after: String) { users(first: 2, after: $after) { edges { node { id } } } }',
        { after: first.users.pageInfo.endCursor },
      );
      const ids = [...first.users.edges, ...second.users.edges].map((edge) => edge.node.id);
      expect(new Set(ids).size).toBe(4);
    });
  });

  describe('tags', () => {
    it('admin: lists, creates, updates (default badge) and deletes badges', async () => {
      await admin.client.data(CREATE_TAG, {
        input: { id: 'BASIC-2', userId: basic.id, default: true, description: 'spare' },
      });
      const { updateTag } = await admin.client.data<{ updateTag: object }>(UPDATE_TAG, {
        input: { id: 'BASIC-1', default: true, active: false, description: 'main' },
      });
      expect(updateTag).toEqual({ id: 'BASIC-1', active: false, description: 'main', default: true });
      const { tags } = await admin.client.data<{
        tags: { edges: { node: { id: string; default: boolean; canDelete: boolean } }[] };
      }>(TAGS);
      const byId = Object.fromEntries(tags.edges.map(({ node }) => [node.id, node]));
      expect(byId['BASIC-1']).toMatchObject({ default: true, canDelete: true });
      expect(byId['BASIC-2'].default).toBe(false);
      expect(await admin.client.data(DELETE_TAG, { id: 'BASIC-2' })).toEqual({ deleteTag: true });
      expect(await admin.client.errorCode(TAG, { id: 'BASIC-2' })).toBe('NOT_FOUND');
      expect(await admin.client.errorCode(UPDATE_TAG, { input: { id: 'OTHER-1', userId: 'nobody' } })).toBe(
        'NOT_FOUND',
      );
    });

    it('basic: sees its own badges only and may not change them', async () => {
      const { tags } = await basic.client.data<{
        tags: {
          totalCount: number;
          edges: { node: { id: string; canUpdate: boolean; user: { id: string } } }[];
        };
      }>(TAGS);
      expect(tags.edges.map(({ node }) => node.id)).toEqual(['BASIC-1']);
      expect(tags.edges[0].node).toMatchObject({ canUpdate: false, user: { id: basic.id } });
      expect(await basic.client.errorCode(TAG, { id: 'OTHER-1' })).toBe('NOT_FOUND');
      expect(await basic.client.errorCode(CREATE_TAG, { input: { id: 'MINE' } })).toBe('FORBIDDEN');
      expect(await basic.client.errorCode(UPDATE_TAG, { input: { id: 'BASIC-1', active: true } })).toBe(
        'FORBIDDEN',
      );
      expect(await basic.client.errorCode(DELETE_TAG, { id: 'BASIC-1' })).toBe('FORBIDDEN');
    });

    it('demo and super admin: badges are out of reach', async () => {
      for (const client of [demo.client, superAdmin]) {
        expect(await client.errorCode(TAGS)).toBe('FORBIDDEN');
        expect(await client.errorCode(CREATE_TAG, { input: { id: 'NOPE' } })).toBe('FORBIDDEN');
      }
    });
  });

  describe('CSV import', () => {
    const IMPORT_USERS =
      'mutation($csv: String!) { importUsers(csv: $csv) { created refused { line reason } } }';
    const IMPORT_TAGS =
      'mutation($csv: String!) { importTags(csv: $csv) { created refused { line reason } } }';

    it('admin: imports users and badges, with a per-row report of what was refused and why', async () => {
      const users = [
        'email,firstName,lastName,role,locale,password',
        'csv-ann@example.com,"Smith, Ann",Smith,basic,fr,Csv-Passw0rd',
        'not-an-email,Bob,,BASIC,,',
        'csv-root@example.com,Root,,SUPER_ADMIN,,',
        'csv-cy@example.com,Cy,,,xx,',
        'csv-ann@example.com,Dup,,,,',
      ].join('\n');
      const { importUsers } = await admin.client.data<{ importUsers: unknown }>(IMPORT_USERS, { csv: users });
      expect(importUsers).toEqual({
        created: 1,
        refused: [
          { line: 3, reason: 'email must be an email address' },
          { line: 4, reason: 'You may not create a SUPER_ADMIN user' },
          { line: 5, reason: expect.stringMatching(/^locale must be one of en, fr/) },
          { line: 6, reason: 'A user with email csv-ann@example.com already exists' },
        ],
      });
      const ann = await new GraphQLClient(server.httpUrl).login('csv-ann@example.com', 'Csv-Passw0rd');
      expect((await ann.data<{ me: object }>('{ me { firstName locale } }')).me).toEqual({
        firstName: 'Smith, Ann',
        locale: 'fr',
      });

      const tags = [
        'id,userEmail,active,description,expiresAt,default',
        'CSV-1,csv-ann@example.com,true,Ann badge,2030-01-01T00:00:00Z,true',
        'CSV-2,nobody@example.com,,,,',
        'CSV-3,,maybe,,,',
        'BASIC-1,,,,,',
        'with space,,,,,',
      ].join('\n');
      const { importTags } = await admin.client.data<{ importTags: unknown }>(IMPORT_TAGS, { csv: tags });
      expect(importTags).toEqual({
        created: 1,
        refused: [
          { line: 3, reason: 'no user with email nobody@example.com' },
          { line: 4, reason: 'active must be true or false' },
          { line: 5, reason: 'Tag BASIC-1 already exists' },
          { line: 6, reason: 'id must be 1 to 20 printable ASCII characters without spaces' },
        ],
      });
      const { tags: annTags } = await ann.data<{
        tags: { edges: { node: { id: string; default: boolean } }[] };
      }>(TAGS);
      expect(annTags.edges.map(({ node }) => [node.id, node.default])).toEqual([['CSV-1', true]]);
      expect(await admin.client.errorCode(IMPORT_USERS, { csv: 'name\nx' })).toBe('BAD_USER_INPUT');
    });

    it('basic and demo: may not import', async () => {
      for (const client of [basic.client, demo.client]) {
        expect(await client.errorCode(IMPORT_USERS, { csv: 'email\nx@example.com' })).toBe('FORBIDDEN');
        expect(await client.errorCode(IMPORT_TAGS, { csv: 'id\nX' })).toBe('FORBIDDEN');
      }
    });
  });

  describe('tenants', () => {
    it('super admin: creates, lists, updates settings and deactivates tenants', async () => {
      await superAdmin.data(
        'mutation { createTenant(input: { id: "matrix-t", name: "Matrix", adminEmail: "boss@matrix.test", adminPassword: "Matrix-Admin-1" }) { id } }',
      );
      const { updateTenant } = await superAdmin.data<{ updateTenant: object }>(
        'mutation($input: UpdateTenantInput!) { updateTenant(input: $input) { name selfRegistration locales components { pricing billing roaming smartCharging assets statistics } } }',
        {
          input: {
            id: 'matrix-t',
            name: 'Matrix Ltd',
            selfRegistration: true,
            locales: ['en', 'de'],
            components: { pricing: true, statistics: true },
          },
        },
      );
      expect(updateTenant).toEqual({
        name: 'Matrix Ltd',
        selfRegistration: true,
        locales: ['en', 'de'],
        components: {
          pricing: true,
          billing: false,
          roaming: false,
          smartCharging: false,
          assets: false,
          statistics: true,
        },
      });
      const { tenants } = await superAdmin.data<{ tenants: { id: string }[] }>(TENANTS);
      expect(tenants.map((tenant) => tenant.id)).toEqual(expect.arrayContaining(['default', 'matrix-t']));
      const { deactivateTenant } = await superAdmin.data<{ deactivateTenant: { active: boolean } }>(
        'mutation { deactivateTenant(id: "matrix-t") { active } }',
      );
      expect(deactivateTenant.active).toBe(false);
      const login = new GraphQLClient(server.httpUrl).login('boss@matrix.test', 'Matrix-Admin-1', 'matrix-t');
      await expect(login).rejects.toThrow(/UNAUTHENTICATED/);
      expect(await superAdmin.errorCode('mutation { deactivateTenant(id: "default") { id } }')).toBe(
        'BAD_USER_INPUT',
      );
      expect(await superAdmin.errorCode(UPDATE_TENANT, { input: { id: 'matrix-t', locales: ['xx'] } })).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('admin, basic, demo: tenants are out of reach', async () => {
      for (const client of [admin.client, basic.client, demo.client]) {
        expect(await client.errorCode(TENANTS)).toBe('FORBIDDEN');
        expect(await client.errorCode(UPDATE_TENANT, { input: { id: 'default', name: 'Mine' } })).toBe(
          'FORBIDDEN',
        );
        expect(
          await client.errorCode(
            'mutation { createTenant(input: { id: "nope", name: "N", adminEmail: "n@n.test", adminPassword: "Nope-Admin-1" }) { id } }',
          ),
        ).toBe('FORBIDDEN');
      }
    });
  });

  describe('tenant isolation', () => {
    let otherAdmin: GraphQLClient;

    beforeAll(async () => {
      await superAdmin.data(
        'mutation { createTenant(input: { id: "iso-b", name: "B", adminEmail: "boss@b.test", adminPassword: "Bbbb-Admin-1" }) { id } }',
      );
      otherAdmin = await new GraphQLClient(server.httpUrl).login('boss@b.test', 'Bbbb-Admin-1', 'iso-b');
      await otherAdmin.data(CREATE_TAG, { input: { id: 'OTHER-1', description: 'B owns this id too' } });
    });

    it("an admin of B neither sees nor changes A's users, even with their ids", async () => {
      const { users } = await otherAdmin.data<{ users: { edges: { node: { email: string } }[] } }>(USERS);
      expect(users.edges.map(({ node }) => node.email)).toEqual(['boss@b.test']);
      expect(await otherAdmin.errorCode(USER, { id: basic.id })).toBe('NOT_FOUND');
      expect(await otherAdmin.errorCode(UPDATE_USER, { input: { id: basic.id, firstName: 'Mallory' } })).toBe(
        'NOT_FOUND',
      );
      expect(await otherAdmin.errorCode(DELETE_USER, { id: basic.id })).toBe('NOT_FOUND');
      expect(await otherAdmin.errorCode(CREATE_TAG, { input: { id: 'STEAL', userId: basic.id } })).toBe(
        'NOT_FOUND',
      );
      expect((await admin.client.data<{ user: { id: string } }>(USER, { id: basic.id })).user.id).toBe(
        basic.id,
      );
    });

    it("an admin of B neither sees nor changes A's badges; the same badge id lives separately in each", async () => {
      const { tags } = await otherAdmin.data<{ tags: { edges: { node: { id: string; user: unknown } }[] } }>(
        TAGS,
      );
      expect(tags.edges.map(({ node }) => node)).toEqual([
        { id: 'OTHER-1', default: false, canUpdate: true, canDelete: true, user: null },
      ]);
      expect(await otherAdmin.errorCode(TAG, { id: 'BASIC-1' })).toBe('NOT_FOUND');
      expect(await otherAdmin.errorCode(UPDATE_TAG, { input: { id: 'BASIC-1', active: true } })).toBe(
        'NOT_FOUND',
      );
      expect(await otherAdmin.errorCode(DELETE_TAG, { id: 'BASIC-1' })).toBe('NOT_FOUND');
      await otherAdmin.data(UPDATE_TAG, { input: { id: 'OTHER-1', active: false } });
      const { tag } = await admin.client.data<{ tag: { user: { id: string } } }>(TAG, { id: 'OTHER-1' });
      expect(tag.user.id).toBe(otherBasic.id);
    });

    it("credentials of one tenant do not open another, and B's token only ever acts in B", async () => {
      await expect(new GraphQLClient(server.httpUrl).login(basic.email, PASSWORD, 'iso-b')).rejects.toThrow(
        /UNAUTHENTICATED/,
      );
      await expect(new GraphQLClient(server.httpUrl).login('boss@b.test', 'Bbbb-Admin-1')).rejects.toThrow(
        /UNAUTHENTICATED/,
      );
      const { currentTenant } = await otherAdmin.data<{ currentTenant: { id: string } }>(
        '{ currentTenant { id } }',
      );
      expect(currentTenant.id).toBe('iso-b');
    });
  });
});
