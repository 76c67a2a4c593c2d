import { APP_CONFIG, AppConfig, asTenantId, isValidTenantId } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Principal, PrincipalLookup } from '../principal';
import { TokenClaims } from './token-claims';

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly principals: PrincipalLookup,
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
    return this.principals.findPrincipal(asTenantId(claims.tid), claims.sub, claims.tv);
  }
}
