import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
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
      inject: [DatabaseServer],
      useFactory: async (server: DatabaseServer) => ({
        uri: await server.uri(),
        // IndexBuilder builds them, awaited and per server kind.
        autoIndex: false,
        serverSelectionTimeoutMS: 5000,
        // Fail fast instead of queueing operations forever when the database is gone.
        bufferCommands: false,
      }),
    }),
  ],
  providers: [IndexBuilder],
})
export class DatabaseModule {}
