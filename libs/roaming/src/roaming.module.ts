import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RoamingIdentityRepository } from './identity/roaming-identity.repository';
import { RoamingIdentityResolver } from './identity/roaming-identity.resolver';
import { RoamingIdentityService } from './identity/roaming-identity.service';
import { RoamingIdentityDocument, RoamingIdentitySchema } from './identity/schemas/roaming-identity.schema';
import { OcpiClient } from './ocpi/client/ocpi-client';
import { CredentialsController } from './ocpi/credentials/credentials.controller';
import { OcpiCredentialsService } from './ocpi/credentials/ocpi-credentials.service';
import { OcpiDiscovery } from './ocpi/credentials/ocpi-discovery';
import { OcpiRegistrationService } from './ocpi/credentials/ocpi-registration.service';
import { OcpiMessageLog } from './ocpi/log/ocpi-message-log';
import { OcpiMessageRepository } from './ocpi/log/ocpi-message.repository';
import { OcpiMessageResolver } from './ocpi/log/ocpi-message.resolver';
import { OcpiMessageDocument, OcpiMessageSchema } from './ocpi/log/schemas/ocpi-message.schema';
import { OcpiAuthGuard } from './ocpi/auth/ocpi-auth.guard';
import { OcpiPartnerResolver } from './ocpi/partners/ocpi-partner.resolver';
import { OcpiPartnerService } from './ocpi/partners/ocpi-partner.service';
import { OcpiPathMiddleware } from './ocpi/protocol/ocpi-path.middleware';
import { OcpiResponseInterceptor } from './ocpi/protocol/ocpi-response.interceptor';
import { OcpiTrafficMiddleware } from './ocpi/protocol/ocpi-traffic.middleware';
import { VersionsController } from './ocpi/versions/versions.controller';
import { PartnerCredentials, PartnerUnregistration } from './partners/partner-credentials';
import { PartnerRegistry } from './partners/partner-registry';
import { PartnerTokenRepository } from './partners/partner-token.repository';
import { RoamingPartnerRepository } from './partners/roaming-partner.repository';
import { PartnerTokenDocument, PartnerTokenSchema } from './partners/schemas/partner-token.schema';
import { RoamingPartnerDocument, RoamingPartnerSchema } from './partners/schemas/roaming-partner.schema';
import { RoamingUrls } from './shared/roaming-urls';
import { SecretBox } from './shared/secrets/secret-box';

/**
 * Roaming: partners, a persistent outbox, and OCPI 2.2.1 / 2.1.1 in both roles (CPO and eMSP) below
 * /ocpi/{tenant}. Global because it implements a port the transactions domain looks up (roaming tokens
 * at stations); it reaches other modules only through their exported services, ports and events.
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: RoamingPartnerDocument.name, schema: RoamingPartnerSchema },
      { name: PartnerTokenDocument.name, schema: PartnerTokenSchema },
      { name: RoamingIdentityDocument.name, schema: RoamingIdentitySchema },
      { name: OcpiMessageDocument.name, schema: OcpiMessageSchema },
    ]),
  ],
  controllers: [VersionsController, CredentialsController],
  providers: [
    SecretBox,
    RoamingUrls,
    RoamingIdentityRepository,
    RoamingIdentityService,
    RoamingIdentityResolver,
    RoamingPartnerRepository,
    PartnerTokenRepository,
    PartnerRegistry,
    PartnerCredentials,
    PartnerUnregistration,
    OcpiMessageRepository,
    OcpiMessageLog,
    OcpiMessageResolver,
    OcpiClient,
    OcpiAuthGuard,
    OcpiResponseInterceptor,
    OcpiDiscovery,
    OcpiCredentialsService,
    OcpiRegistrationService,
    OcpiPartnerService,
    OcpiPartnerResolver,
  ],
  exports: [OcpiMessageRepository],
})
export class RoamingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(OcpiPathMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
    consumer.apply(OcpiTrafficMiddleware).forRoutes({ path: 'ocpi/*path', method: RequestMethod.ALL });
  }
}
