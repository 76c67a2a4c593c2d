import { AppConfig } from '@csms/common';
import pino, { Logger } from 'pino';
import { HttpLogger, pinoHttp } from 'pino-http';
import { redactRequestSecrets } from './url-secrets';

/** The application's logger: Nest's log lines (through nestjs-pino) and the request log share it. */
export function applicationLogger(config: AppConfig): Logger {
  return pino({
    level: config.LOG_LEVEL,
    transport: config.LOG_PRETTY ? { target: 'pino-pretty' } : undefined,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
}

/**
 * Logs each HTTP request but health checks, on `logger`. nestjs-pino's own request middleware is
 * not used: it binds a logger per request through AsyncLocalStorage, and on Node 20 an enabled
 * AsyncLocalStorage hooks every promise the process makes, station traffic included (a fifth of the
 * meter-value path's CPU). So lines logged while a request is handled carry no request id.
 */
export function requestLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url === '/health' },
    serializers: { req: redactRequestSecrets },
  });
}
