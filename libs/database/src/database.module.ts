import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DatabaseServer } from './database-server';
import { IndexBuilder } from './index-builder';

@Module({ providers: [DatabaseServer], exports: [DatabaseServer] })
class DatabaseServerModule {}

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
