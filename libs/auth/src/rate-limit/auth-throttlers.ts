import { AppConfig } from '@csms/common';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { accountTracker, clientIp } from './auth-rate-limit.guard';

const MINUTE_MS = 60_000;

/**
 * AUTH_IP_RATE_LIMIT_PER_MINUTE per client IP and AUTH_RATE_LIMIT_PER_MINUTE per account, per
 * operation; a refused call answers TOO_MANY_REQUESTS.
 */
export function authThrottlers(config: AppConfig): ThrottlerModuleOptions {
  return {
    setHeaders: false,
    errorMessage: 'Too many attempts; wait a minute and try again',
    throttlers: [
      {
        name: 'ip',
        ttl: MINUTE_MS,
        limit: config.AUTH_IP_RATE_LIMIT_PER_MINUTE,
        getTracker: (req) => clientIp(req),
      },
      {
        name: 'account',
        ttl: MINUTE_MS,
        limit: config.AUTH_RATE_LIMIT_PER_MINUTE,
        getTracker: accountTracker,
      },
    ],
  };
}
