import { HttpStatus } from '@nestjs/common';
import { OcpiStatus } from './ocpi-status';

/**
 * An expected OCPI failure: the HTTP status and the OCPI status_code it is answered with. Requests that
 * reach the OCPI layer (authenticated, valid JSON, an existing resource) get HTTP 200 with a 2xxx/3xxx
 * status, as status_codes.asciidoc says; authentication and unknown resources get their HTTP errors.
 */
export class OcpiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly ocpiStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'OcpiError';
  }

  static unauthorized(message = 'Unauthorized: a valid credentials token is required'): OcpiError {
    return new OcpiError(HttpStatus.UNAUTHORIZED, OcpiStatus.CLIENT_ERROR, message);
  }

  static invalidParameters(message: string): OcpiError {
    return new OcpiError(
      HttpStatus.OK,
      OcpiStatus.INVALID_OR_MISSING_PARAMETERS,
      `Invalid or missing parameters: ${message}`,
    );
  }

  static badJson(message: string): OcpiError {
    return new OcpiError(
      HttpStatus.BAD_REQUEST,
      OcpiStatus.INVALID_OR_MISSING_PARAMETERS,
      `Invalid JSON: ${message}`,
    );
  }

  static notEnoughInformation(message: string): OcpiError {
    return new OcpiError(HttpStatus.OK, OcpiStatus.NOT_ENOUGH_INFORMATION, message);
  }

  /** An object that does not exist, or is not the caller's to see: both are answered alike. */
  static notFound(message: string, status: number = OcpiStatus.CLIENT_ERROR): OcpiError {
    return new OcpiError(HttpStatus.NOT_FOUND, status, message);
  }

  static unknownLocation(message = 'Unknown Location'): OcpiError {
    return OcpiError.notFound(message, OcpiStatus.UNKNOWN_LOCATION);
  }

  static unknownToken(message = 'Unknown Token'): OcpiError {
    return OcpiError.notFound(message, OcpiStatus.UNKNOWN_TOKEN);
  }

  static methodNotAllowed(message: string): OcpiError {
    return new OcpiError(HttpStatus.METHOD_NOT_ALLOWED, OcpiStatus.CLIENT_ERROR, message);
  }

  static serverError(message: string, status: number = OcpiStatus.SERVER_ERROR): OcpiError {
    return new OcpiError(HttpStatus.OK, status, message);
  }
}
