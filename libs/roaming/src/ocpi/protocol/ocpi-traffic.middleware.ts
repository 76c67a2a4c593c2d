import { isValidTenantId } from '@csms/common';
import { Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { OcpiHttpRequest } from '../auth/ocpi-request';
import { OcpiMessageLog } from '../log/ocpi-message-log';
import { X_CORRELATION_ID, X_REQUEST_ID } from './ocpi-headers';
import { OcpiTrafficLocals } from './ocpi-traffic';

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** /ocpi/{tenant}/{version}/{cpo|emsp}/{module}/… → module; /ocpi/{tenant}/versions → versions. */
export function moduleOfPath(path: string): string | undefined {
  const segments = path.split('?')[0].split('/').filter(Boolean);
  if (segments[2] === 'versions') return 'versions';
  if (segments[3] === 'credentials') return 'credentials';
  if (segments.length === 3) return 'versions';
  return segments[4];
}

/**
 * Every request to /ocpi: the response carries the request's X-Request-ID and X-Correlation-ID (new
 * ones when the partner sent none), and once answered the exchange goes to the OCPI message log.
 */
@Injectable()
export class OcpiTrafficMiddleware implements NestMiddleware {
  constructor(private readonly log: OcpiMessageLog) {}

  use(request: OcpiHttpRequest, response: Response, next: NextFunction): void {
    const started = performance.now();
    const requestId = single(request.headers['x-request-id']) ?? randomUUID();
    const correlationId = single(request.headers['x-correlation-id']) ?? randomUUID();
    response.setHeader(X_REQUEST_ID, requestId);
    response.setHeader(X_CORRELATION_ID, correlationId);
    response.on('finish', () => {
      const path = request.originalUrl;
      const tenant = decodeURIComponent(path.split('/')[2] ?? '');
      if (!isValidTenantId(tenant)) return;
      const locals = response.locals as OcpiTrafficLocals;
      this.log.record({
        tenantId: tenant,
        partnerId: request.ocpi?.partner.id,
        direction: 'in',
        method: request.method,
        url: path,
        module: moduleOfPath(path),
        requestId,
        correlationId,
        httpStatus: response.statusCode,
        ocpiStatus: locals.ocpiStatus,
        statusMessage: locals.ocpiStatusMessage,
        requestBytes: Number(request.headers['content-length'] ?? 0),
        responseBytes: Number(response.getHeader('content-length') ?? 0),
        latencyMs: Math.round(performance.now() - started),
        at: new Date(),
      });
    });
    next();
  }
}
