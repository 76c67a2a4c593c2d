import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role } from '../role';
import { TokenClaims } from './token-claims';

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Token lifetime in seconds: demo accounts (shared, read-only) keep their session longer. */
  lifetimeOf(role: Role): number {
    return role === Role.DEMO ? this.config.JWT_DEMO_EXPIRES_IN : this.config.JWT_EXPIRES_IN;
  }

  sign(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync({ ...claims }, { expiresIn: this.lifetimeOf(claims.role) });
  }

  /** Returns the claims of a valid, unexpired token, or null. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      return await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
  }
}
