import { APP_CONFIG, AppConfig } from '@csms/common';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AbilityFactory } from './casl/ability.factory';
import { AbilityGuard } from './guards/ability.guard';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { JWT_ALGORITHM, JwtStrategy } from './jwt/jwt.strategy';
import { TokenService } from './jwt/token.service';
import { AuthRateLimitGuard } from './rate-limit/auth-rate-limit.guard';
import { authThrottlers } from './rate-limit/auth-throttlers';

/** Authentication and authorization for every module; the users module provides the PrincipalLookup. */
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
  ],
  providers: [
    JwtStrategy,
    TokenService,
    AbilityFactory,
    AuthRateLimitGuard,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: AbilityGuard },
  ],
  exports: [TokenService, AbilityFactory, AuthRateLimitGuard],
})
export class AuthModule {}
