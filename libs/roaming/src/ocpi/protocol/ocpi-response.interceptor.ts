import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Response } from 'express';
import { Observable, from, mergeMap } from 'rxjs';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { OcpiHttpRequest } from '../auth/ocpi-request';
import { OCPI_ROUTE, OcpiRouteOptions } from '../auth/ocpi-route.decorator';
import { Reflector } from '@nestjs/core';
import { OcpiAnswer } from './ocpi-answer';
import { ocpiResponse } from './ocpi-response';
import { noteOcpiStatus } from './ocpi-traffic';
import { isOcpi22 } from './ocpi-version';
import { routingResponseHeaders } from './routing-headers';

/**
 * Wraps what an OCPI handler returns in the response format (data, status_code, timestamp), with the
 * handler's HTTP status and headers, and the routing headers of a 2.2.1 functional module's answer.
 */
@Injectable()
export class OcpiResponseInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly identities: RoamingIdentityService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<OcpiHttpRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const route = this.reflector.getAllAndOverride<OcpiRouteOptions>(OCPI_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    return next.handle().pipe(
      mergeMap((value: unknown) =>
        from(
          (async () => {
            const answer = value instanceof OcpiAnswer ? value : new OcpiAnswer(value);
            response.status(answer.options.httpStatus ?? 200);
            for (const [name, header] of Object.entries(answer.options.headers ?? {}))
              response.setHeader(name, header);
            await this.setRoutingHeaders(request, response, route);
            noteOcpiStatus(response, answer.status, answer.options.message);
            return ocpiResponse(answer.data, answer.status, answer.options.message);
          })(),
        ),
      ),
    );
  }

  private async setRoutingHeaders(request: OcpiHttpRequest, response: Response, route: OcpiRouteOptions) {
    const context = request.ocpi;
    if (!context?.version || !isOcpi22(context.version)) return;
    if (['versions', 'credentials', 'hubclientinfo'].includes(route.module)) return;
    const identity = await this.identities.find(context.tenantId);
    const headers = routingResponseHeaders(request.headers, context.partner, identity);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  }
}
