// The public API of libs/connections: users' OAuth2 connections to outside services.
export * from './connections.module';
export * from './connection-providers';
export * from './oauth2/oauth2-provider';
export * from './oauth2-connections.service';
export * from './user-connection';
export * from './models/user-connection.model';
export * from './models/oauth2-authorization.model';
export * from './settings/connected-service-settings.service';
