import { APP_CONFIG, AppConfig, asTenantId, isValidTenantId } from '@csms/common';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Principal, PrincipalLookup, SiteRoleLookup } from '../principal';
import { Role } from '../role';
import { TokenClaims } from './token-claims';

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly principals: PrincipalLookup,
    @Optional() private readonly siteRoles?: SiteRoleLookup,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  /** Passport treats a null result as an authentication failure. */
  async validate(claims: TokenClaims): Promise<Principal | null> {
    if (!isValidTenantId(claims.tid)) return null;
    const principal = await this.principals.findPrincipal(asTenantId(claims.tid), claims.sub, claims.tv);
    // Site roles matter to basic users only: admins already manage every site, demo users read all.
    if (!principal || principal.role !== Role.BASIC || !this.siteRoles) return principal;
    return { ...principal, ...(await this.siteRoles.siteRolesOf(principal.tenantId, principal.userId)) };
  }
}
