import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

const HTTP_STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.STATION_OFFLINE]: HttpStatus.CONFLICT,
  [ErrorCode.STATION_TIMEOUT]: HttpStatus.GATEWAY_TIMEOUT,
};

/** The part of an Express response this filter writes. */
interface HttpResponse {
  setHeader(name: string, value: string): unknown;
  status(code: number): { json(body: unknown): unknown };
}

/**
 * Domain errors are expected outcomes (bad input, not found, offline station): GraphQL gets them as
 * they are, without Nest logging them as unhandled exceptions; an HTTP route (a guard refusing a
 * token, say) answers with the matching status, the contract code, and `Retry-After` when the error
 * says when to retry.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | undefined {
    if (host.getType<GqlContextType>() !== 'http') return error;
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    const status = HTTP_STATUS_OF[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
    response.status(status).json({ statusCode: status, code: error.code, message: error.message });
    return undefined;
  }
}
