import { APP_CONFIG, AppConfig } from '@csms/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { ApiKeyConnections } from './api-key-connections';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeyResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';
import { ApiKeyUsageRecorder } from './api-key-usage.recorder';
import { ApiKeyRateLimiter, InMemoryApiKeyRateLimiter } from './rate-limit/api-key-rate-limiter';
import { RedisApiKeyRateLimiter } from './rate-limit/redis-api-key-rate-limiter';
import { ApiKeyDocument, ApiKeySchema } from './schemas/api-key.schema';

/** API keys of technical users: their GraphQL, their authentication and rate limits (Redis with REDIS_URL). */
@Module({
  imports: [MongooseModule.forFeature([{ name: ApiKeyDocument.name, schema: ApiKeySchema }])],
  providers: [
    ApiKeyRepository,
    ApiKeyService,
    ApiKeyResolver,
    ApiKeyUsageRecorder,
    ApiKeyAuthenticator,
    ApiKeyConnections,
    {
      provide: ApiKeyRateLimiter,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ApiKeyRateLimiter | Promise<ApiKeyRateLimiter> =>
        config.REDIS_URL ? RedisApiKeyRateLimiter.connect(config.REDIS_URL) : new InMemoryApiKeyRateLimiter(),
    },
  ],
  exports: [ApiKeyService, ApiKeyAuthenticator, ApiKeyConnections, ApiKeyRateLimiter],
})
export class ApiKeysModule {}
