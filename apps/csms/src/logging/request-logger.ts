import { PinoLogger } from 'nestjs-pino';
import { HttpLogger, pinoHttp } from 'pino-http';
import { redactRequestSecrets } from './url-secrets';

/**
 * Logs each HTTP request but health checks, on the application's logger. nestjs-pino's own request
 * middleware is not used: it binds a logger per request through AsyncLocalStorage, and on Node 20 an
 * enabled AsyncLocalStorage hooks every promise the process makes, station traffic included (a fifth
 * of the meter-value path's CPU). So lines logged while a request is handled carry no request id.
 */
export function requestLogger(): HttpLogger {
  return pinoHttp({
    logger: PinoLogger.root,
    autoLogging: { ignore: (req) => req.url === '/health' },
    serializers: { req: redactRequestSecrets },
    // The root logger's redaction did not reach these lines (the request-log e2e caught it).
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
}
