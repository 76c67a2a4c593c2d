import { AppConfig } from '@csms/common';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { accountTracker, clientIp } from './auth-rate-limit.guard';

const MINUTE_MS = 60_000;

/** Per IP and per account, AUTH_RATE_LIMIT_PER_MINUTE each; a refused call answers TOO_MANY_REQUESTS. */
export function authThrottlers(config: AppConfig): ThrottlerModuleOptions {
  const limit = config.AUTH_RATE_LIMIT_PER_MINUTE;
  return {
    setHeaders: false,
    errorMessage: 'Too many attempts; wait a minute and try again',
    throttlers: [
      { name: 'ip', ttl: MINUTE_MS, limit, getTracker: (req) => clientIp(req) },
      { name: 'account', ttl: MINUTE_MS, limit, getTracker: accountTracker },
    ],
  };
}
