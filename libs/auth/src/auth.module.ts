import { APP_CONFIG, AppConfig } from '@csms/common';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AbilityFactory } from './casl/ability.factory';
import { AbilityGuard } from './guards/ability.guard';
import { BearerAuthGuard } from './guards/bearer-auth.guard';
import { ConnectionAuthenticator } from './guards/connection-authenticator';
import { JWT_ALGORITHM, JwtStrategy } from './jwt/jwt.strategy';
import { TokenService } from './jwt/token.service';
import { AuthRateLimitGuard } from './rate-limit/auth-rate-limit.guard';
import { authThrottlers } from './rate-limit/auth-throttlers';
import { WhoAmIController } from './whoami.controller';

/**
 * Authentication (JWTs and API keys) and authorization for every module; the users module provides
 * the PrincipalLookup, the organizations module the SiteRoleLookup.
 */
@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.JWT_EXPIRES_IN },
      }),
    }),
    ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: authThrottlers }),
    ApiKeysModule,
  ],
  controllers: [WhoAmIController],
  providers: [
    JwtStrategy,
    TokenService,
    AbilityFactory,
    AuthRateLimitGuard,
    ConnectionAuthenticator,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_GUARD, useClass: AbilityGuard },
  ],
  exports: [TokenService, AbilityFactory, AuthRateLimitGuard, ConnectionAuthenticator, ApiKeysModule],
})
export class AuthModule {}
