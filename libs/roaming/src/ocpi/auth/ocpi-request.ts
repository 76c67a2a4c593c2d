import { TenantId } from '@csms/common';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { Request } from 'express';
import { RoamingPartner } from '../../partners/roaming-partner';
import { PartnerTokenKind } from '../../partners/schemas/partner-token.schema';
import { OcpiVersion } from '../protocol/ocpi-version';

/** What the OCPI guard established about a request: whose tenant, which partner, with which token. */
export interface OcpiRequestContext {
  tenantId: TenantId;
  partner: RoamingPartner;
  tokenKind: PartnerTokenKind;
  /** The token the partner presented (decoded), to answer GET credentials and to replace it on PUT. */
  token: string;
  /** The version in the URL; undefined on the versions endpoint. */
  version?: OcpiVersion;
  /** Where this server's OCPI API is, as the partner reached it (for URLs in answers). */
  baseUrl: string;
}

export type OcpiHttpRequest = Request & { ocpi?: OcpiRequestContext };

/** The request's OCPI context (set by OcpiAuthGuard). */
export const Ocpi = createParamDecorator((_data: unknown, context: ExecutionContext): OcpiRequestContext => {
  const request = context.switchToHttp().getRequest<OcpiHttpRequest>();
  if (!request.ocpi) throw new Error('OcpiAuthGuard did not run for this route');
  return request.ocpi;
});
