import { AppConfig, DomainErrorFilter } from '@csms/common';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { GRAPHQL_PATH } from './graphql/graphql-options.factory';
import { graphqlExplorer } from './graphql/graphql-explorer.middleware';

/** Builds and starts the server; used by main.ts and by the end-to-end tests. */
export async function startServer(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(
    new ValidationPipe({ transform: true, forbidUnknownValues: false, stopAtFirstError: false }),
  );
  app.useGlobalFilters(new DomainErrorFilter());
  app.use(GRAPHQL_PATH, graphqlExplorer(GRAPHQL_PATH));
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  return app;
}
