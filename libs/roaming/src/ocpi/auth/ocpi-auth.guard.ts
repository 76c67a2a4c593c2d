import { TenantId, isValidTenantId } from '@csms/common';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hashCredentialsToken } from '../../common/secrets/credentials-token';
import { partnerActsAs } from '../../partners/roaming-partner';
import { PartnerRegistry } from '../../partners/partner-registry';
import { RoamingUrls } from '../../common/roaming-urls';
import { OcpiError } from '../protocol/ocpi-error';
import { isOcpiVersion } from '../protocol/ocpi-version';
import { tokensOfHeader } from './authorization-header';
import { OcpiHttpRequest } from './ocpi-request';
import { OCPI_ROUTE, OcpiRouteOptions } from './ocpi-route.decorator';

/** Modules a token A may call: the versions and credentials endpoints, nothing else (transport_and_format). */
const TOKEN_A_MODULES = new Set(['versions', 'credentials']);

/**
 * Authenticates an OCPI request by its credentials token, scoped to the tenant in the URL: a missing or
 * unknown token (or an unknown tenant, indistinguishable on purpose) gets HTTP 401, as does a token A
 * outside versions/credentials. A partner calls only the interfaces of the opposite role: an eMSP our
 * CPO side, a CPO our eMSP side; any other route is not there for it (404).
 */
@Injectable()
export class OcpiAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly partners: PartnerRegistry,
    private readonly urls: RoamingUrls,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OcpiHttpRequest>();
    const route = this.reflector.getAllAndOverride<OcpiRouteOptions>(OCPI_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const tenant = String(request.params.tenant ?? '');
    if (!isValidTenantId(tenant)) throw OcpiError.unauthorized();
    const tenantId = tenant as TenantId;
    const found = await this.findToken(tenantId, request.headers.authorization);
    if (!found) throw OcpiError.unauthorized();
    const partner = await this.partners.get(tenantId, found.entry.partnerId);
    if (!partner || partner.status === 'UNREGISTERED' || partner.status === 'FAILED')
      throw OcpiError.unauthorized();
    if (found.entry.kind === 'TOKEN_A' && !TOKEN_A_MODULES.has(route.module)) {
      throw OcpiError.unauthorized('Unauthorized: a token A may only be used for versions and credentials');
    }
    const version = request.params.version as string | undefined;
    if (version !== undefined && !isOcpiVersion(version)) {
      throw OcpiError.notFound(`OCPI version ${version} is not supported here (2.2.1, 2.1.1)`);
    }
    if (route.side === 'cpo' && !partnerActsAs(partner, 'EMSP')) {
      throw OcpiError.notFound('No such endpoint for your role: this is the CPO interface, for eMSPs');
    }
    if (route.side === 'emsp' && !partnerActsAs(partner, 'CPO')) {
      throw OcpiError.notFound('No such endpoint for your role: this is the eMSP interface, for CPOs');
    }
    request.ocpi = {
      tenantId,
      partner,
      tokenKind: found.entry.kind,
      token: found.token,
      version: version as never,
      baseUrl: this.urls.ocpiRoot(tenantId),
    };
    return true;
  }

  private async findToken(tenantId: TenantId, header: string | undefined) {
    for (const token of tokensOfHeader(header)) {
      const digest = hashCredentialsToken(token);
      const entry = await this.partners.tokenEntry(tenantId, digest);
      if (entry) return { entry, token };
    }
    return undefined;
  }
}
