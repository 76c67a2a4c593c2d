import { APP_CONFIG, AppConfig } from '@csms/common';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import { DatabaseMetrics } from './database.metrics';
import { DatabaseServer } from './database-server';
import { IndexBuilder } from './index-builder';

@Module({ providers: [DatabaseServer], exports: [DatabaseServer] })
class DatabaseServerModule {}

// Otherwise every query captures and formats a stack trace (only for its "already executed" error):
// a tenth of the server's CPU in a reconnect storm.
mongoose.set('skipOriginalStackTraces', true);

@Global()
@Module({
  imports: [
    MongooseModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DatabaseServer, APP_CONFIG],
      useFactory: async (server: DatabaseServer, config: AppConfig) => ({
        uri: await server.uri(),
        // The write-latency metric reads the driver's command events: on only when metrics are.
        ...(config.METRICS_TOKEN ? { monitorCommands: true } : {}),
        // IndexBuilder builds them, awaited and per server kind.
        autoIndex: false,
        serverSelectionTimeoutMS: 5000,
        // Fail fast instead of queueing operations forever when the database is gone.
        bufferCommands: false,
      }),
    }),
  ],
  providers: [IndexBuilder, DatabaseMetrics],
})
export class DatabaseModule {}
