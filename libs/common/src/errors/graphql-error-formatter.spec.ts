import { BadRequestException, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { NotFoundError } from './domain-error';
import { ErrorCode } from './error-codes';
import { formatGraphQLError } from './graphql-error-formatter';

function format(original: Error, extensions: Record<string, unknown> = {}) {
  const error = new GraphQLError(original.message, { originalError: original, extensions });
  return formatGraphQLError({ message: original.message, extensions }, error);
}

describe('formatGraphQLError', () => {
  it('maps domain errors to their code and keeps their details', () => {
    const result = format(new NotFoundError('ChargingStation', 'CS-1'));
    expect(result.extensions).toEqual({ code: ErrorCode.NOT_FOUND, entity: 'ChargingStation', id: 'CS-1' });
  });

  it('maps Nest HTTP exceptions to contract codes', () => {
    expect(format(new UnauthorizedException()).extensions?.code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(format(new ForbiddenException()).extensions?.code).toBe(ErrorCode.FORBIDDEN);
    const bad = format(new BadRequestException(['email must be an email', 'password too short']));
    expect(bad).toMatchObject({ message: 'email must be an email; password too short' });
    expect(bad.extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('hides unexpected errors and their stack', () => {
    const result = format(new Error('connection string mongodb://secret@host leaked'));
    expect(result).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('says SERVICE_UNAVAILABLE when the database cannot be reached, and nothing of the driver', () => {
    const selection = Object.assign(
      new Error('Server selection timed out after 5000 ms at 127.0.0.1:27017'),
      {
        name: 'MongooseServerSelectionError',
      },
    );
    const wrapped = new Error('lookup failed', {
      cause: Object.assign(new Error('connection 3 to 127.0.0.1:27017 closed'), {
        name: 'MongoNetworkError',
      }),
    });
    const bulk = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), {
      name: 'MongoBulkWriteError',
      beforeHandshake: false,
      writeErrors: [],
    });
    for (const error of [selection, wrapped, bulk]) {
      expect(format(error)).toEqual({
        message: 'The database is unavailable; try again shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
  });

  it('reports GraphQL validation failures as BAD_USER_INPUT', () => {
    const result = formatGraphQLError(
      {
        message: 'Cannot query field "x"',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['…'] },
      },
      new GraphQLError('Cannot query field "x"'),
    );
    expect(result.extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT });
  });

  it('reports requests Apollo cannot read (no query, an unknown operationName) as BAD_USER_INPUT', () => {
    for (const code of ['BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']) {
      const message = 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.';
      const result = formatGraphQLError({ message, extensions: { code } }, new GraphQLError(message));
      expect(result).toEqual({ message, extensions: { code: ErrorCode.BAD_USER_INPUT } });
    }
  });
});
