import { HttpException, HttpStatus } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './service-unavailable';

const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.BAD_USER_INPUT,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.TOO_MANY_REQUESTS,
};

/**
 * Codes Apollo/graphql-js assign themselves that clients should see as the contract's BAD_USER_INPUT:
 * BAD_REQUEST is a request Apollo cannot read (no query, variables that are no object),
 * OPERATION_RESOLUTION_FAILURE an operationName the document does not hold.
 */
const INPUT_CODES = new Set([
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = response.message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  return exception.message;
}

/**
 * The contract code of an error a resolver threw (what clients see in `extensions.code`), for the
 * formatter and for those that record outcomes (the audit log). `reportedCode` is the code GraphQL
 * itself gave an error of its own (validation, parsing).
 */
export function errorCodeOf(error: unknown, reportedCode?: unknown): ErrorCode {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) return original.code;
  if (original instanceof HttpException) {
    return HTTP_STATUS_CODES[original.getStatus()] ?? ErrorCode.INTERNAL_SERVER_ERROR;
  }
  if (isDatabaseUnavailable(original)) return ErrorCode.SERVICE_UNAVAILABLE;
  const ownCode = reportedCode ?? (original instanceof GraphQLError ? original.extensions?.code : undefined);
  if (typeof ownCode === 'string' && INPUT_CODES.has(ownCode)) return ErrorCode.BAD_USER_INPUT;
  if (typeof ownCode === 'string' && ownCode in ErrorCode) return ownCode as ErrorCode;
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * One mapping from thrown errors to the contract's `extensions.code`; nothing else leaks to clients
 * (no stack traces, no internal messages for unexpected errors).
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof HttpException) {
    return { ...base, message: messageOf(original), extensions: { code: errorCodeOf(original) } };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      ...base,
      message: DATABASE_UNAVAILABLE_MESSAGE,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  const code = errorCodeOf(error, formatted.extensions?.code);
  if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...base, message: 'Internal server error', extensions: { code } };
  }
  return { ...base, extensions: { code } };
}
