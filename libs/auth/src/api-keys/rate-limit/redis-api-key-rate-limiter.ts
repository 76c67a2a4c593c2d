import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ApiKeyRateLimiter, WINDOW_MS } from './api-key-rate-limiter';

/**
 * gcraStep in Redis, atomically and on Redis's clock, so that every instance draws on the same
 * budget: returns the wait in ms (0: admitted, the key's TAT moved on and expiring when whole).
 */
const GCRA_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
if tat - now > tolerance then return math.ceil(tat - now - tolerance) end
local nextTat = tat + interval
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.max(1, math.ceil(nextTat - now)))
return 0
`;

/** Several instances: one budget per key in Redis. Redis unreachable: requests go (logged). */
export class RedisApiKeyRateLimiter extends ApiKeyRateLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisApiKeyRateLimiter.name);

  private constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {
    super();
  }

  static async connect(url: string, keyPrefix = 'csms'): Promise<RedisApiKeyRateLimiter> {
    // Without an offline queue a request fails at once while Redis is away (and is let through),
    // rather than waiting for the reconnection.
    const redis = new Redis(url, {
      connectionName: 'csms-api-key-limits',
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    await redis.connect();
    return new RedisApiKeyRateLimiter(redis, keyPrefix);
  }

  async admit(apiKeyId: string, limitPerMinute: number): Promise<number> {
    const interval = WINDOW_MS / limitPerMinute;
    try {
      const wait = await this.redis.eval(
        GCRA_SCRIPT,
        1,
        `${this.keyPrefix}:api-key-rate:${apiKeyId}`,
        interval,
        WINDOW_MS - interval,
      );
      return Number(wait);
    } catch (error) {
      this.logger.warn({ err: error, apiKeyId }, 'API key rate limit unknown (Redis); request let through');
      return 0;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
