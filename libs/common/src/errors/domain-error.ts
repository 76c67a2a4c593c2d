import { ErrorCode } from './error-codes';

/** Base of every error a module throws on purpose; mapped to GraphQL in one place (graphql-error-formatter). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${entity} "${id}" not found`, { entity, id });
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.BAD_USER_INPUT, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

/** TOO_MANY_REQUESTS with `extensions.retryAfterSeconds` (and `Retry-After` on HTTP routes). */
export class TooManyRequestsError extends DomainError {
  constructor(message: string, retryAfterMs: number) {
    super(ErrorCode.TOO_MANY_REQUESTS, message, {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
  }
}
