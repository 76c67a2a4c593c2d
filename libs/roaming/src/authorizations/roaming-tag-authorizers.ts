import { TenantId } from '@csms/common';
import { ExternalAuthorizationRequest, ExternalTagAuthorizer, IdTagInfo } from '@csms/transactions';
import { Injectable } from '@nestjs/common';
import { RoamingTokenAuthorizer } from '../ocpi/tokens/roaming-token-authorizer';
import { OicpAuthorizer } from '../oicp/authorization/oicp-authorizer';

/** Badges the tenant does not know: OCPI's eMSPs decide first, then Hubject; null when neither knows the badge. */
@Injectable()
export class RoamingTagAuthorizers extends ExternalTagAuthorizer {
  constructor(
    private readonly ocpi: RoamingTokenAuthorizer,
    private readonly oicp: OicpAuthorizer,
  ) {
    super();
  }

  async authorize(tenantId: TenantId, request: ExternalAuthorizationRequest): Promise<IdTagInfo | null> {
    return (await this.ocpi.authorize(tenantId, request)) ?? this.oicp.authorize(tenantId, request);
  }
}
