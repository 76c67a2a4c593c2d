import { HousekeepingModule } from '@csms/housekeeping';
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
import { LocationProjector } from './locations/location-projector';
import { RoamingLocationRepository } from './locations/roaming-location.repository';
import { RoamingLocationDocument, RoamingLocationSchema } from './locations/schemas/roaming-location.schema';
import { CpoLocationRenderers } from './ocpi/cpo/locations/cpo-location.renderers';
import { CpoLocationsController } from './ocpi/cpo/locations/cpo-locations.controller';
import { OcpiOutboxTransport } from './ocpi/outbox/ocpi-outbox.transport';
import { OcpiRenderers } from './ocpi/outbox/ocpi-push';
import { Outbox } from './outbox/outbox';
import { OutboxDispatcher } from './outbox/outbox-dispatcher';
import { OutboxTransports } from './outbox/outbox-transport';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxResolver } from './outbox/outbox.resolver';
import { OutboxMessageDocument, OutboxMessageSchema } from './outbox/schemas/outbox-message.schema';
import { RoamingUrls } from './common/roaming-urls';
import { RoamingAuthorizationRepository } from './authorizations/roaming-authorization.repository';
import {
  RoamingAuthorizationDocument,
  RoamingAuthorizationSchema,
} from './authorizations/schemas/roaming-authorization.schema';
import { OcpiPuller } from './ocpi/client/ocpi-puller';
import { CpoSessionRenderers } from './ocpi/cpo/sessions/cpo-session.renderers';
import { CpoSessionsController } from './ocpi/cpo/sessions/cpo-sessions.controller';
import { CpoTokensController } from './ocpi/cpo/tokens/cpo-tokens.controller';
import { OcpiRealtimeAuthorization } from './ocpi/tokens/ocpi-realtime-authorization';
import { OcpiTokenResolver } from './ocpi/tokens/ocpi-token.resolver';
import { RoamingTokenAuthorizer } from './ocpi/tokens/roaming-token-authorizer';
import { PricedSessionCost } from './sessions/priced-session-cost';
import { CdrIssuer } from './cdrs/cdr-issuer';
import { RoamingCdrRepository } from './cdrs/roaming-cdr.repository';
import { RoamingCdrDocument, RoamingCdrSchema } from './cdrs/schemas/roaming-cdr.schema';
import { CpoCdrRenderers } from './ocpi/cpo/cdrs/cpo-cdr.renderers';
import { CpoCdrsController } from './ocpi/cpo/cdrs/cpo-cdrs.controller';
import { CpoTariffsController } from './ocpi/cpo/tariffs/cpo-tariffs.controller';
import { CpoTariffPushes } from './ocpi/cpo/tariffs/cpo-tariff-pushes';
import { RoamingSessionRepository } from './sessions/roaming-session.repository';
import { RoamingSessionDocument, RoamingSessionSchema } from './sessions/schemas/roaming-session.schema';
import { RoamingSessionCost } from './sessions/session-cost';
import { SessionTracker } from './sessions/session-tracker';
import { RoamingTokenRepository } from './tokens/roaming-token.repository';
import { RoamingTokenDocument, RoamingTokenSchema } from './tokens/schemas/roaming-token.schema';
import { ExternalTagAuthorizer } from '@csms/transactions';
import { RoamingTagAuthorizers } from './authorizations/roaming-tag-authorizers';
import { OicpAuthorizer } from './oicp/authorization/oicp-authorizer';
import { OicpCertificateWatch } from './oicp/certificates/oicp-certificate-watch';
import { OicpClient } from './oicp/client/oicp-client';
import { OicpOutboxTransport } from './oicp/outbox/oicp-outbox.transport';
import { OicpPricingPushes } from './oicp/pricing/oicp-pricing-pushes';
import { OicpSessionErrors } from './oicp/sessions/oicp-session-errors';
import { OicpStatusRounds } from './oicp/status/oicp-status-rounds';
import { OicpRemoteController } from './oicp/server/oicp-remote.controller';
import { OicpRemoteService } from './oicp/server/oicp-remote.service';
import { OicpSettingsRepository } from './oicp/settings/oicp-settings.repository';
import { OicpSettingsResolver } from './oicp/settings/oicp-settings.resolver';
import { OicpSettingsService } from './oicp/settings/oicp-settings.service';
import { OicpSettingsDocument, OicpSettingsSchema } from './oicp/settings/schemas/oicp-settings.schema';
import { RoamingCommandExecutor } from './commands/roaming-command.executor';
import { AsyncResults } from './ocpi/cpo/async-results';
import { CpoChargingProfilesController } from './ocpi/cpo/charging-profiles/cpo-charging-profiles.controller';
import { OcpiCallbackRenderer } from './ocpi/cpo/charging-profiles/ocpi-callback';
import { CommandResultRenderer } from './ocpi/cpo/commands/command-result.renderer';
import { CpoCommandService } from './ocpi/cpo/commands/cpo-command.service';
import { CpoCommandsController } from './ocpi/cpo/commands/cpo-commands.controller';
import { HubClientInfoController } from './ocpi/hub/hub-client-info.controller';
import { EmspCdrsController } from './ocpi/emsp/emsp-cdrs.controller';
import { EmspCommandsController } from './ocpi/emsp/emsp-commands.controller';
import { EmspCommandsService } from './ocpi/emsp/emsp-commands.service';
import { EmspDrivers } from './ocpi/emsp/emsp-drivers';
import { EmspLocationsController } from './ocpi/emsp/emsp-locations.controller';
import { EmspObjectsStore } from './ocpi/emsp/emsp-objects.store';
import { EmspSessionsController } from './ocpi/emsp/emsp-sessions.controller';
import { EmspSyncService } from './ocpi/emsp/emsp-sync.service';
import { EmspTariffsController } from './ocpi/emsp/emsp-tariffs.controller';
import { EmspTokenPushes } from './ocpi/emsp/emsp-token-pushes';
import { EmspTokensController } from './ocpi/emsp/emsp-tokens.controller';
import { EmspResolver } from './ocpi/emsp/emsp.resolver';
import { PartnerCommandRepository } from './ocpi/emsp/partner-command.repository';
import { PartnerObjectRepository } from './ocpi/emsp/partner-object.repository';
import { PartnerCommandDocument, PartnerCommandSchema } from './ocpi/emsp/schemas/partner-command.schema';
import { PartnerObjectDocument, PartnerObjectSchema } from './ocpi/emsp/schemas/partner-object.schema';
import { HubClientRepository } from './ocpi/hub/hub-client.repository';
import { OcpiHubClientResolver } from './ocpi/hub/ocpi-hub-client.resolver';
import { HubClientDocument, HubClientSchema } from './ocpi/hub/schemas/hub-client.schema';
import { RoamingReservationRepository } from './reservations/roaming-reservation.repository';
import {
  RoamingReservationDocument,
  RoamingReservationSchema,
} from './reservations/schemas/roaming-reservation.schema';

/**
 * Roaming: partners, a persistent outbox, OCPI 2.2.1 / 2.1.1 in both roles (CPO and eMSP) below
 * /ocpi/{tenant}, and OICP 2.3 with Hubject as a CPO below /oicp/{tenant}. Global because it implements a port the transactions domain looks up (roaming tokens
 * at stations); it reaches other modules only through their exported services, ports and events.
 */
@Global()
@Module({
  imports: [
    HousekeepingModule,
    MongooseModule.forFeature([
      { name: OutboxMessageDocument.name, schema: OutboxMessageSchema },
      { name: RoamingLocationDocument.name, schema: RoamingLocationSchema },
      { name: RoamingTokenDocument.name, schema: RoamingTokenSchema },
      { name: RoamingAuthorizationDocument.name, schema: RoamingAuthorizationSchema },
      { name: RoamingSessionDocument.name, schema: RoamingSessionSchema },
      { name: RoamingCdrDocument.name, schema: RoamingCdrSchema },
      { name: RoamingReservationDocument.name, schema: RoamingReservationSchema },
      { name: HubClientDocument.name, schema: HubClientSchema },
      { name: PartnerObjectDocument.name, schema: PartnerObjectSchema },
      { name: PartnerCommandDocument.name, schema: PartnerCommandSchema },
      { name: RoamingPartnerDocument.name, schema: RoamingPartnerSchema },
      { name: PartnerTokenDocument.name, schema: PartnerTokenSchema },
      { name: RoamingIdentityDocument.name, schema: RoamingIdentitySchema },
      { name: OcpiMessageDocument.name, schema: OcpiMessageSchema },
      { name: OicpSettingsDocument.name, schema: OicpSettingsSchema },
    ]),
  ],
  controllers: [
    VersionsController,
    CredentialsController,
    CpoLocationsController,
    CpoTokensController,
    CpoSessionsController,
    CpoCdrsController,
    CpoTariffsController,
    CpoCommandsController,
    CpoChargingProfilesController,
    HubClientInfoController,
    EmspLocationsController,
    EmspSessionsController,
    EmspCdrsController,
    EmspTariffsController,
    EmspTokensController,
    EmspCommandsController,
    OicpRemoteController,
  ],
  providers: [
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
    OutboxRepository,
    OutboxTransports,
    Outbox,
    OutboxDispatcher,
    OutboxResolver,
    OcpiRenderers,
    OcpiOutboxTransport,
    RoamingLocationRepository,
    LocationProjector,
    CpoLocationRenderers,
    OcpiPuller,
    RoamingTokenRepository,
    RoamingAuthorizationRepository,
    OcpiRealtimeAuthorization,
    RoamingTokenAuthorizer,
    OicpAuthorizer,
    RoamingTagAuthorizers,
    { provide: ExternalTagAuthorizer, useExisting: RoamingTagAuthorizers },
    OcpiTokenResolver,
    RoamingSessionRepository,
    { provide: RoamingSessionCost, useClass: PricedSessionCost },
    RoamingCdrRepository,
    CdrIssuer,
    CpoCdrRenderers,
    CpoTariffPushes,
    SessionTracker,
    CpoSessionRenderers,
    RoamingCommandExecutor,
    RoamingReservationRepository,
    AsyncResults,
    CpoCommandService,
    CommandResultRenderer,
    OcpiCallbackRenderer,
    HubClientRepository,
    OcpiHubClientResolver,
    PartnerObjectRepository,
    PartnerCommandRepository,
    EmspDrivers,
    EmspObjectsStore,
    EmspSyncService,
    EmspCommandsService,
    EmspTokenPushes,
    EmspResolver,
    OicpSettingsRepository,
    OicpSettingsService,
    OicpSettingsResolver,
    OicpClient,
    OicpOutboxTransport,
    OicpPricingPushes,
    OicpSessionErrors,
    OicpStatusRounds,
    OicpRemoteService,
    OicpCertificateWatch,
  ],
  exports: [OcpiMessageRepository, OutboxRepository, RoamingAuthorizationRepository, ExternalTagAuthorizer],
})
export class RoamingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(OcpiPathMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
    consumer.apply(OcpiTrafficMiddleware).forRoutes({ path: 'ocpi/*path', method: RequestMethod.ALL });
  }
}
