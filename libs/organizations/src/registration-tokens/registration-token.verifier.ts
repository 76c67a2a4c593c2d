import { TenantId } from '@csms/common';
import { RegistrationTokenVerifier, TokenAdmission } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { SiteAreaRepository } from '../site-areas/site-area.repository';
import { hashRegistrationToken } from './registration-token-hash';
import { RegistrationTokenRepository } from './registration-token.repository';

/** What the stations domain asks when a new station presents a token at its upgrade (or SOAP request). */
@Injectable()
export class RegistrationTokenVerifierService extends RegistrationTokenVerifier {
  constructor(
    private readonly tokens: RegistrationTokenRepository,
    private readonly siteAreas: SiteAreaRepository,
  ) {
    super();
  }

  async verify(tenantId: TenantId, token: string): Promise<TokenAdmission | null> {
    if (!token) return null;
    const found = await this.tokens.findUsableByHash(tenantId, hashRegistrationToken(token));
    if (!found) return null;
    // An area deleted since (only possible for a token that was unusable then) places nowhere.
    const area = found.siteAreaId ? await this.siteAreas.findById(tenantId, found.siteAreaId) : null;
    return area ? { placement: { siteAreaId: area.id, siteId: area.siteId } } : {};
  }
}
