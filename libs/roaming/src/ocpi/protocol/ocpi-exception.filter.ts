import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { OcpiError } from './ocpi-error';
import { ocpiResponse } from './ocpi-response';
import { OcpiStatus } from './ocpi-status';
import { noteOcpiStatus } from './ocpi-traffic';

/**
 * Every error of an OCPI route as an OCPI answer: OcpiError with its own codes; Nest's HTTP errors
 * (a body that is not JSON: 400) with 2001 or 2000; anything unexpected as HTTP 500 with 3000,
 * logged here, its details kept from the partner.
 */
@Catch()
export class OcpiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(OcpiExceptionFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { httpStatus, status, message } = this.describe(error);
    noteOcpiStatus(response, status, message);
    response.status(httpStatus).json(ocpiResponse(undefined, status, message));
  }

  private describe(error: unknown): { httpStatus: number; status: number; message: string } {
    if (error instanceof OcpiError) {
      return { httpStatus: error.httpStatus, status: error.ocpiStatus, message: error.message };
    }
    if (error instanceof HttpException) {
      const httpStatus: number = error.getStatus();
      const status = httpStatus === 400 ? OcpiStatus.INVALID_OR_MISSING_PARAMETERS : OcpiStatus.CLIENT_ERROR;
      return { httpStatus, status, message: error.message };
    }
    this.logger.error({ err: error }, 'OCPI request failed');
    return {
      httpStatus: HttpStatus.INTERNAL_SERVER_ERROR,
      status: OcpiStatus.SERVER_ERROR,
      message: 'Generic server error',
    };
  }
}
