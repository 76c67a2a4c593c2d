import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ConnectionProviders } from './connection-providers';
import { OAuth2CallbackController } from './oauth2/oauth2-callback.controller';
import { OAuth2StateRepository } from './oauth2/oauth2-state.repository';
import { OAuth2Connections } from './oauth2-connections.service';
import { OAuth2StateDocument, OAuth2StateSchema } from './schemas/oauth2-state.schema';
import { UserConnectionDocument, UserConnectionSchema } from './schemas/user-connection.schema';
import { UserConnectionRepository } from './user-connection.repository';

/**
 * Users' OAuth2 connections to outside services (Concur for refunds; car-data services next): one
 * callback, sealed tokens, refresh. A module registers its kind with ConnectionProviders.
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: UserConnectionDocument.name, schema: UserConnectionSchema },
      { name: OAuth2StateDocument.name, schema: OAuth2StateSchema },
    ]),
  ],
  controllers: [OAuth2CallbackController],
  providers: [ConnectionProviders, OAuth2StateRepository, UserConnectionRepository, OAuth2Connections],
  exports: [ConnectionProviders, OAuth2Connections],
})
export class ConnectionsModule {}
