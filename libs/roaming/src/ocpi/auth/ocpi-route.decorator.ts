import { SetMetadata, UseFilters, UseGuards, UseInterceptors, applyDecorators } from '@nestjs/common';
import { Public } from '@csms/auth';
import { OcpiExceptionFilter } from '../protocol/ocpi-exception.filter';
import { OcpiResponseInterceptor } from '../protocol/ocpi-response.interceptor';
import { OcpiAuthGuard } from './ocpi-auth.guard';

/** OCPI module identifiers (version_information_endpoint ModuleID) plus `versions` for the versions endpoints. */
export type OcpiModuleId =
  | 'versions'
  | 'credentials'
  | 'locations'
  | 'sessions'
  | 'cdrs'
  | 'tariffs'
  | 'tokens'
  | 'commands'
  | 'chargingprofiles'
  | 'hubclientinfo';

/** Whose interface a route is: ours as CPO (called by eMSPs), ours as eMSP (called by CPOs), or either. */
export type OcpiSide = 'cpo' | 'emsp' | 'any';

export interface OcpiRouteOptions {
  module: OcpiModuleId;
  side: OcpiSide;
}

export const OCPI_ROUTE = Symbol('ocpiRoute');

/**
 * Marks an OCPI controller: no JWT (partners authenticate with credentials tokens, see OcpiAuthGuard),
 * OCPI's response format and status codes for every answer and error.
 */
export function OcpiController(options: OcpiRouteOptions): ClassDecorator {
  return applyDecorators(
    Public(),
    SetMetadata(OCPI_ROUTE, options),
    UseGuards(OcpiAuthGuard),
    UseInterceptors(OcpiResponseInterceptor),
    UseFilters(OcpiExceptionFilter),
  );
}
