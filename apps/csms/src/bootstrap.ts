import { AppConfig, ArgumentsValidationPipe, DomainErrorFilter } from '@csms/common';
import { INestApplication } from '@nestjs/common';
import { HttpsOptions } from '@nestjs/common/interfaces/external/https-options.interface';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { SecureContextOptions } from 'node:tls';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { isOcppPath } from '@csms/ocpp';
import { operatorConsole } from './console/console.middleware';
import { GRAPHQL_PATH } from './graphql/graphql-options.factory';
import { graphqlExplorer } from './graphql/graphql-explorer.middleware';
import { guardAgainstSlowClients } from './http/slow-clients';
import { applicationLogger, requestLogger } from './logging/request-logger';

/**
 * Connections the kernel may hold until the server accepts them (capped by net.core.somaxconn).
 * Node's 511 overflowed when a thousand stations reconnected at once after an outage: the extra
 * connections were reset and had to retry.
 */
const LISTEN_BACKLOG = 4096;

/** Builds and starts the server; used by main.ts and by the end-to-end tests. */
export async function startServer(config: AppConfig): Promise<INestApplication> {
  const logger = applicationLogger(config);
  const app = await NestFactory.create(AppModule.forRoot(config, logger), {
    bufferLogs: true,
    abortOnError: false,
    // Kept beside the parsed JSON for signed webhooks (Stripe signs the exact bytes).
    rawBody: true,
    httpsOptions: tlsOptions(config),
  });
  app.useLogger(app.get(Logger));
  app.use(requestLogger(logger));
  app.useGlobalPipes(
    new ArgumentsValidationPipe({ transform: true, forbidUnknownValues: false, stopAtFirstError: false }),
  );
  app.useGlobalFilters(new DomainErrorFilter());
  app.use(GRAPHQL_PATH, graphqlExplorer(GRAPHQL_PATH));
  app.use(operatorConsole(config.CONSOLE_DIR));
  app.enableShutdownHooks();
  guardAgainstSlowClients(app.getHttpServer() as Server, config, [
    isOcppPath,
    (url) => url.startsWith(GRAPHQL_PATH),
  ]);
  // Nest passes extra arguments on to http.Server#listen(port, host, backlog); its typing omits them.
  const listen = app.listen.bind(app) as unknown as (
    port: number,
    host: string,
    backlog: number,
  ) => Promise<unknown>;
  await listen(config.PORT, config.HOST, LISTEN_BACKLOG);
  return app;
}

/**
 * HTTPS/WSS when a certificate is configured. Client certificates are asked for (TLS_CA_FILE) but
 * not required at the TLS layer: GraphQL clients have none; the OCPP edge checks them per station.
 */
function tlsOptions(
  config: AppConfig,
): (HttpsOptions & Pick<SecureContextOptions, 'minVersion'>) | undefined {
  if (!config.TLS_CERT_FILE || !config.TLS_KEY_FILE) return undefined;
  return {
    cert: readFileSync(config.TLS_CERT_FILE),
    key: readFileSync(config.TLS_KEY_FILE),
    // OCPP security profiles 2 and 3 require TLS 1.2 or newer, whatever Node's default becomes.
    minVersion: 'TLSv1.2',
    ...(config.TLS_CA_FILE
      ? { ca: readFileSync(config.TLS_CA_FILE), requestCert: true, rejectUnauthorized: false }
      : {}),
  };
}
