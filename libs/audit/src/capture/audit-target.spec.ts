import { buildSchema, GraphQLOutputType } from 'graphql';
import { auditTargetOf } from './audit-target';

const schema = buildSchema(`
  type User { id: ID! email: String! }
  type ApiKey { id: ID! name: String! }
  type CreateApiKeyPayload { apiKey: ApiKey! secret: String! }
  type CommandResult { status: String! }
  type AuthPayload { token: String! user: User! expiresIn: Int! }
  type Query { x: Int }
  type Mutation {
    updateUser(input: String): User
    createApiKey: CreateApiKeyPayload!
    reset(chargingStationId: ID!): CommandResult!
    deleteTag(id: ID!): Boolean!
    changePassword: AuthPayload!
    logout: Boolean!
  }
`);
const returnTypeOf = (name: string): GraphQLOutputType => schema.getMutationType()!.getFields()[name].type;
const target = (name: string, args: Record<string, unknown>, result: unknown) =>
  auditTargetOf(name, returnTypeOf(name), args, result);

describe('auditTargetOf', () => {
  it('takes the entity the mutation answered', () => {
    expect(target('updateUser', { input: { id: 'u1' } }, { id: 'u1', email: 'a@b.c' })).toEqual({
      type: 'User',
      id: 'u1',
    });
  });

  it("takes a payload's one entity, never its other fields", () => {
    expect(target('createApiKey', { input: {} }, { apiKey: { id: 'k1' }, secret: 's' })).toEqual({
      type: 'ApiKey',
      id: 'k1',
    });
    expect(target('changePassword', {}, { token: 't', user: { id: 'u2' }, expiresIn: 1 })).toEqual({
      type: 'User',
      id: 'u2',
    });
  });

  it('takes the station of a station command', () => {
    expect(target('reset', { chargingStationId: 'CS-1' }, { status: 'Accepted' })).toEqual({
      type: 'ChargingStation',
      id: 'CS-1',
    });
  });

  it('falls back on the id argument, typed by the answer or the name, also when the mutation failed', () => {
    expect(target('deleteTag', { id: 'TAG-1' }, true)).toEqual({ type: 'Tag', id: 'TAG-1' });
    expect(target('updateUser', { input: { id: 'u3' } }, undefined)).toEqual({ type: 'User', id: 'u3' });
    expect(target('logout', {}, true)).toEqual({ type: undefined, id: undefined });
  });

  it('follows an explicit hint', () => {
    expect(
      auditTargetOf('reset', returnTypeOf('reset'), { input: { siteId: 'S1' } }, null, {
        targetType: 'Site',
        targetIdArg: 'input.siteId',
      }),
    ).toEqual({ type: 'Site', id: 'S1' });
  });
});
